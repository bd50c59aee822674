import { expect, type Locator, type Page } from '@playwright/test';

/** The reader: article body, selection menu, passage panel and backlink popover. */
export class ReaderPage {
  readonly root: Locator;
  readonly body: Locator;
  readonly menu: Locator;
  readonly panel: Locator;
  readonly popover: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reader');
    this.body = page.getByTestId('reader-body');
    this.menu = page.getByRole('menu', { name: 'Selection' });
    this.panel = page.getByTestId('passage-panel');
    this.popover = page.getByTestId('backlink-popover');
  }

  async open(harnessUrl: string, articleId: number): Promise<void> {
    const url = new URL(harnessUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    url.hash = `/articles/${articleId}?&token=${token}`;
    await this.page.goto(url.toString());
    await expect(this.body).not.toBeEmpty();
  }

  /** Selects `text` (inside one paragraph) as a user would, and releases the mouse. */
  async select(text: string): Promise<void> {
    await this.body.evaluate((body, wanted) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${wanted}" is not in the article`);
    }, text);
    await expect(this.menu).toBeVisible();
  }

  menuItem(name: string | RegExp): Locator {
    return this.menu.getByRole('menuitem', { name });
  }

  /** The text of the ranges in a CSS custom highlight (empty when none). */
  highlightTexts(name: string): Promise<string[]> {
    return this.page.evaluate((highlightName) => {
      const highlight = CSS.highlights.get(highlightName);
      if (!highlight) return [];
      return [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }, name);
  }

  /** Whether the passage marked current is inside the reader's visible scroll area. */
  currentIsInView(): Promise<boolean> {
    return this.page.evaluate(() => {
      const highlight = CSS.highlights.get('dossier-current');
      const scroller = document.querySelector('.reader-scroll')!;
      if (!highlight) return false;
      const [r] = [...highlight];
      const range = document.createRange();
      range.setStart(r!.startContainer, r!.startOffset);
      range.setEnd(r!.endContainer, r!.endOffset);
      const rect = range.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      return rect.top >= box.top && rect.bottom <= box.bottom && scroller.scrollTop > 0;
    });
  }

  /** Clicks in the middle of the first occurrence of `text` in the article. */
  async clickOn(text: string): Promise<void> {
    const point = await this.body.evaluate((body, wanted) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at + Math.floor(wanted.length / 2));
        range.setEnd(node, at + Math.floor(wanted.length / 2) + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`"${wanted}" is not in the article`);
    }, text);
    await this.page.mouse.click(point.x, point.y);
  }

  passageItem(exactStart: string): Locator {
    return this.panel.locator('.passage-item').filter({ hasText: exactStart });
  }
}

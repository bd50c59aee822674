import { expect, type Locator, type Page } from '@playwright/test';
import { ReaderPage } from './ReaderPage';

/** The research desk: the current note (picker, title, editor) beside the reader, and the separator between them. */
export class DeskPage {
  readonly root: Locator;
  readonly note: Locator;
  readonly picker: Locator;
  readonly editor: Locator;
  readonly separator: Locator;
  readonly reader: ReaderPage;

  constructor(
    readonly page: Page,
    private readonly harnessUrl: string,
  ) {
    this.root = page.getByTestId('desk');
    this.note = page.getByTestId('desk-note');
    this.picker = page.getByTestId('desk-note-picker');
    this.editor = this.note.getByLabel('Note text');
    this.separator = page.getByTestId('desk-separator');
    this.reader = new ReaderPage(page);
  }

  /** Opens an article on the desk the way a link in the app does (the URL's route). */
  async openArticle(articleId: number): Promise<void> {
    await this.page.evaluate((id) => {
      const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
      window.location.hash = `/articles/${id}?&token=${token}`;
    }, articleId);
    await expect(this.reader.root).toHaveAttribute('data-article-id', String(articleId));
    await expect(this.reader.body).not.toBeEmpty();
  }

  async goto(articleId: number): Promise<void> {
    const url = new URL(this.harnessUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    url.hash = `/articles/${articleId}?&token=${token}`;
    await this.page.goto(url.toString());
    await expect(this.reader.body).not.toBeEmpty();
  }

  /** The note's paragraphs' text, as the writer sees it (quote chips left out). */
  paragraphTexts(): Promise<string[]> {
    return this.editor.evaluate((root) =>
      [...root.querySelectorAll(':scope > p, :scope > figure')].map((block) => {
        const clone = block.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('.quote-chip, .dq-add').forEach((el) => el.remove());
        return clone.textContent ?? '';
      }),
    );
  }
}

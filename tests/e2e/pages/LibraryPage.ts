import { expect, type Locator, type Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

/** The library: article list, drop/add, clip results, and the basic article view. */
export class LibraryPage {
  readonly list: Locator;
  readonly results: Locator;
  readonly view: Locator;
  readonly progress: Locator;
  readonly pending: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.list = page.getByTestId('article-list');
    this.results = page.getByTestId('clip-results');
    this.view = page.getByTestId('article-view');
    this.progress = page.getByTestId('clip-progress');
    this.pending = page.getByTestId('pending-clips');
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.getByTestId('nav-library').click();
    await expect(this.page.getByTestId('add-clips')).toBeVisible();
  }

  items(): Locator {
    return this.list.getByRole('option');
  }

  /** Drops files onto the window the way a file manager does: a DataTransfer of File objects in dragover + drop events. */
  async dropFiles(files: DroppedFile[]): Promise<void> {
    await this.page.evaluate(async (payload) => {
      const transfer = new DataTransfer();
      for (const file of payload) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const target = document.querySelector('.detail-pane') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })));
  }

  /** Types a web address into the library's URL field and clips it. */
  async clipUrl(url: string): Promise<void> {
    await this.page.getByTestId('url-clip-input').fill(url);
    await this.page.getByTestId('url-clip-submit').click();
  }

  /** Answers the "Clip from a private network?" question for `host` (test servers live on 127.0.0.1). */
  async confirmPrivateHost(host: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Clip from a private network?' });
    await expect(dialog.getByTestId('private-host-warning')).toContainText(host);
    await dialog.getByRole('button', { name: `Clip from ${host}` }).click();
  }

  async fetchPending(): Promise<void> {
    await this.pending.getByTestId('fetch-pending').click();
  }

  /** The open article's version list (inside its Details). */
  async versions(): Promise<Locator> {
    const details = this.view.locator('.article-meta');
    if (!(await details.evaluate((el: HTMLDetailsElement) => el.open))) await details.locator('summary').click();
    return this.page.getByTestId('article-versions').locator('li');
  }

  async openArticle(title: string): Promise<void> {
    await this.items().filter({ hasText: title }).click();
    await expect(this.page.getByTestId('article-title')).toHaveText(title);
  }
}

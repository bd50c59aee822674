import { expect, type Locator, type Page } from '@playwright/test';

/** The note header's export actions: Copy as Markdown and the Export… panel. */
export class NoteExportPanel {
  readonly copyButton: Locator;
  readonly exportButton: Locator;
  readonly path: Locator;
  readonly style: Locator;
  readonly overwrite: Locator;
  readonly submit: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.copyButton = page.getByTestId('copy-markdown');
    this.exportButton = page.getByTestId('export-note');
    const form = page.getByRole('form', { name: 'Export note' });
    this.path = form.getByLabel('Export file path');
    this.style = form.getByLabel('Citation style');
    this.overwrite = form.getByLabel('Overwrite existing file');
    this.submit = form.getByRole('button', { name: 'Export', exact: true });
    this.status = page.getByTestId('export-status');
  }

  async exportTo(path: string, options: { overwrite?: boolean } = {}): Promise<void> {
    if (!(await this.path.isVisible())) await this.exportButton.click();
    await this.path.fill(path);
    if (options.overwrite) await this.overwrite.check();
    await this.submit.click();
  }

  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.status).toHaveText(text);
  }
}

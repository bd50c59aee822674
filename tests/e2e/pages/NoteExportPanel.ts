import { expect, type Locator, type Page } from '@playwright/test';

/** The note header's export actions: Copy as Markdown and the Export… panel. */
export class NoteExportPanel {
  readonly copyButton: Locator;
  readonly exportButton: Locator;
  readonly path: Locator;
  readonly style: Locator;
  readonly replaceQuestion: Locator;
  readonly submit: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.copyButton = page.getByTestId('copy-markdown');
    this.exportButton = page.getByTestId('export-note');
    const form = page.getByRole('form', { name: 'Export note' });
    this.path = form.getByLabel('Export file path');
    this.style = form.getByLabel('Citation style');
    this.replaceQuestion = page.getByTestId('note-export-replace');
    this.submit = form.getByRole('button', { name: 'Export', exact: true });
    this.status = page.getByTestId('export-status');
  }

  async exportTo(path: string): Promise<void> {
    if (!(await this.path.isVisible())) await this.exportButton.click();
    await this.path.fill(path);
    await this.submit.click();
  }

  /** Answers the "Replace it?" question a file Dossier did not write brings up. */
  async answerReplace(replace: boolean): Promise<void> {
    await this.replaceQuestion.getByRole('button', { name: replace ? 'Replace' : 'Keep it' }).click();
  }

  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.status).toHaveText(text);
  }
}

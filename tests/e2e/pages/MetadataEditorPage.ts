import { expect, type Locator, type Page } from '@playwright/test';

type Field = 'title' | 'authors' | 'siteName' | 'publishedAt' | 'modifiedAt' | 'canonicalUrl' | 'lang' | 'excerpt';

/** The article's "Details" section: read-only metadata with found/missing/edited marks, and the "Edit details" form. */
export class MetadataEditorPage {
  readonly fields: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.fields = page.getByTestId('article-metadata');
    this.form = page.getByTestId('metadata-editor');
  }

  async showDetails(): Promise<void> {
    await this.page.getByTestId('article-view').locator('.article-meta summary').click();
    await expect(this.fields).toBeVisible();
  }

  field(name: Field): Locator {
    return this.fields.locator(`[data-field="${name}"]`);
  }

  input(name: Field): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  problem(name: Field): Locator {
    return this.page.getByTestId(`metadata-problem-${name}`);
  }

  async startEditing(): Promise<void> {
    await this.page.getByTestId('edit-metadata').click();
    await expect(this.form).toBeVisible();
  }

  async fill(values: Partial<Record<Field, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.input(name as Field).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('metadata-save').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('metadata-cancel').click();
    await expect(this.form).toBeHidden();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The notes workspace: list pane, title, toolbar and editor. */
export class NotesPage {
  readonly list: Locator;
  readonly title: Locator;
  readonly editor: Locator;
  readonly saveStatus: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.list = page.getByTestId('note-list');
    this.title = page.getByLabel('Note title');
    this.editor = page.getByLabel('Note text');
    this.saveStatus = page.getByTestId('save-status');
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.page.getByTestId('new-note')).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByTestId('new-note')).toBeVisible();
  }

  async createNote(title?: string): Promise<void> {
    const before = await this.items().count();
    await this.page.getByTestId('new-note').click();
    await expect(this.items()).toHaveCount(before + 1);
    await expect(this.editor).toBeVisible();
    if (title !== undefined) await this.title.fill(title);
  }

  items(): Locator {
    return this.list.getByRole('option');
  }

  item(title: string): Locator {
    return this.items().filter({ hasText: title });
  }

  async select(title: string): Promise<void> {
    await this.item(title).click();
    await expect(this.title).toHaveValue(title);
  }

  async typeInEditor(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.type(text);
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-status', 'saved');
  }
}

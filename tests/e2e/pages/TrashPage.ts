import { expect, type Locator, type Page } from '@playwright/test';

/** The Trash section: deleted notes and articles with Restore / Delete permanently, and Empty Trash. */
export class TrashPage {
  readonly view: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('trash-view');
    this.notice = page.getByTestId('trash-notice');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-trash').click();
    await expect(this.view).toBeVisible();
  }

  item(title: string): Locator {
    return this.view.getByTestId('trash-item').filter({ hasText: title });
  }

  async restore(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: 'Restore' }).click();
    await expect(this.notice).toHaveText(/^Restored/);
  }

  async deletePermanently(title: string): Promise<void> {
    await this.item(title).getByRole('button', { name: 'Delete permanently' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
    await expect(this.notice).toHaveText(/permanently/);
  }
}

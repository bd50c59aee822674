import type { Locator, Page } from '@playwright/test';

/** The reader's Facts panel (issue #13). */
export class FactsPanelPage {
  readonly toggle: Locator;
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('facts-toggle');
    this.root = page.getByTestId('facts-panel');
  }

  async open(): Promise<void> {
    await this.toggle.click();
  }

  /** The quotes credited to one speaker (as the panel groups them). */
  speaker(name: string): Locator {
    return this.root.locator('.facts-speaker').filter({ has: this.page.getByRole('heading', { name }) });
  }

  quote(startsWith: string): Locator {
    return this.root.locator('.fact-item[data-kind="quote"]').filter({ hasText: startsWith });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd+K command palette and the "?" keyboard shortcuts overlay. */
export class PalettePage {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly help: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('command-palette');
    this.input = page.getByTestId('palette-input');
    this.help = page.getByTestId('shortcuts-help');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  /** Types like a user, one keystroke at a time. */
  async type(text: string): Promise<void> {
    await this.input.pressSequentially(text);
  }

  options(): Locator {
    return this.dialog.getByRole('option');
  }

  option(label: string): Locator {
    return this.options().filter({ hasText: label });
  }

  active(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]');
  }
}

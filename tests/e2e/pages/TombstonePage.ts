import type { Locator, Page } from '@playwright/test';

/** The tombstone a deleted source's quote chip opens: the quoted words, their citation, a way back. */
export class TombstonePage {
  readonly root: Locator;
  readonly quote: Locator;
  readonly citation: Locator;
  readonly back: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('tombstone');
    this.quote = this.root.getByTestId('tombstone-quote');
    this.citation = this.root.getByTestId('tombstone-citation');
    this.back = this.root.getByRole('button', { name: 'Back to the note' });
  }
}

import type { Locator, Page } from '@playwright/test';

/** A quote node in the note editor (block, or inline with `{ inline: true }`): its words and its citation chip. */
export class QuoteInNote {
  readonly root: Locator;
  readonly text: Locator;
  readonly chip: Locator;
  readonly flag: Locator;

  constructor(page: Page, index = 0, { inline = false } = {}) {
    this.root = page.getByLabel('Note text').locator(inline ? 'span.diq' : 'figure.dq').nth(index);
    this.text = this.root.locator(inline ? 'q.diq-text' : 'blockquote.dq-text');
    this.chip = this.root.locator('.quote-chip');
    this.flag = this.chip.locator('.quote-flag');
  }
}

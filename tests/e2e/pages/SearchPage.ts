import { expect, type Locator, type Page } from '@playwright/test';

/** The sidebar search box and its grouped results. */
export class SearchPage {
  readonly input: Locator;
  readonly results: Locator;
  readonly message: Locator;
  readonly help: Locator;
  readonly suggestion: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.input = page.getByTestId('search-input');
    this.results = page.getByTestId('search-results');
    this.message = page.getByTestId('search-message');
    this.help = page.getByTestId('search-help');
    this.suggestion = page.getByTestId('search-suggestion');
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.input).toBeVisible();
  }

  /** Types like a user (one keystroke at a time), replacing what was there. */
  async search(query: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(query);
  }

  group(type: 'article' | 'note' | 'quote'): Locator {
    return this.page.getByTestId(`search-group-${type}`);
  }

  async expectCount(type: 'article' | 'note' | 'quote', count: number): Promise<void> {
    if (count === 0) await expect(this.group(type)).toHaveCount(0);
    else await expect(this.group(type).getByTestId('search-count')).toHaveText(String(count));
  }

  hit(title: string): Locator {
    return this.results.getByRole('option').filter({ hasText: title });
  }

  /**
   * Where the opened result's first search highlight sits: "<text> in view|out of view scrolled|at top",
   * inside the reader's or the editor's scroller.
   */
  firstMatchPosition(scroller: '.reader-scroll' | '.editor-scroll'): Promise<string> {
    return this.page.evaluate((selector) => {
      const highlight = CSS.highlights.get('dossier-search-match');
      const first = highlight && ([...highlight][0] as Range | undefined);
      if (!first) return 'no highlight';
      const rect = first.getBoundingClientRect();
      const box = document.querySelector(selector)!.getBoundingClientRect();
      const scrolled = document.querySelector(selector)!.scrollTop > 0;
      return `${first.toString()} ${rect.top >= box.top && rect.bottom <= box.bottom ? 'in view' : 'out of view'} ${scrolled ? 'scrolled' : 'at top'}`;
    }, scroller);
  }
}

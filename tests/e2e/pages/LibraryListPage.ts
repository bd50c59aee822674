import { expect, type Locator, type Page } from '@playwright/test';

/** The library's three panes: sidebar views/projects/tags, the virtualized list with its selection and bulk actions. */
export class LibraryListPage {
  readonly list: Locator;
  readonly bulk: Locator;
  readonly notice: Locator;
  readonly count: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.list = page.getByTestId('article-list');
    this.bulk = page.getByTestId('bulk-actions');
    this.notice = page.getByTestId('bulk-notice');
    this.count = page.getByTestId('library-count');
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.getByTestId('nav-library').click();
    await expect(this.list.getByRole('option').first()).toBeVisible();
  }

  row(title: string): Locator {
    return this.list.getByRole('option').filter({ hasText: title });
  }

  /** Titles of the rows on screen, top to bottom. */
  async titles(): Promise<string[]> {
    const rows = this.list.getByRole('option');
    await expect(rows.first()).not.toHaveText('…');
    const found = await rows.evaluateAll((els) =>
      els
        .map((el) => ({ index: Number((el as HTMLElement).dataset.index), title: el.querySelector('.item-title')?.textContent ?? '' }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.title),
    );
    return found;
  }

  async view(id: 'all' | 'unread' | 'starred' | 'archived'): Promise<void> {
    await this.page.getByTestId(`library-view-${id}`).click();
  }

  async createProject(name: string): Promise<void> {
    await this.page.getByTestId('new-project').click();
    await this.page.getByTestId('new-project-name').fill(name);
    await this.page.getByTestId('new-project-name').press('Enter');
    await expect(this.page.getByTestId('library-title')).toHaveText(name);
  }

  project(name: string): Locator {
    return this.page.getByTestId('library-project').filter({ hasText: name });
  }

  tag(name: string): Locator {
    return this.page.getByTestId('library-tag').filter({ hasText: `#${name}` });
  }

  async sortBy(label: 'Clip date' | 'Published' | 'Title' | 'Outlet'): Promise<void> {
    await this.page.getByTestId('library-sort').selectOption({ label });
  }

  async bulkTag(name: string): Promise<void> {
    await this.bulk.getByTestId('bulk-tag').click();
    await this.bulk.getByTestId('bulk-tag-name').fill(name);
    await this.bulk.getByTestId('bulk-tag-apply').click();
  }

  async bulkAddToProject(name: string): Promise<void> {
    await this.bulk.getByTestId('bulk-add-project').click();
    await this.bulk.getByTestId('bulk-project').selectOption({ label: name });
    await this.bulk.getByTestId('bulk-project-apply').click();
  }
}

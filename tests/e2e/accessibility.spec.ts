import AxeBuilder from '@axe-core/playwright';
import { findPassage, highlightSelection } from '../../electron/core/services/passages';
import { quoteIntoNote } from '../../electron/core/services/noteQuotes';
import { insertArticle } from '../helpers/articles';
import { expect, test, type Page } from './fixtures';
import { DeskPage } from './pages/DeskPage';

const HARBOUR = [
  { kind: 'p' as const, text: 'The harbour authority approved the dredging plan on Monday. Critics said the study was rushed.' },
  { kind: 'p' as const, text: 'A second hearing is scheduled for March.' },
];

/** WCAG 2.1 A and AA rules over the whole page; every violation listed by rule and target, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.1 AA violation on the desk (note with quotes + reader), the library and search, ${colorScheme}`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme });
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    const passage = findPassage(app.core.ctx, one.articleId, 'Critics said the study was rushed.');
    const { noteId } = quoteIntoNote(app.core.ctx, { passageId: passage.id, kind: 'block' });
    const second = findPassage(app.core.ctx, one.articleId, 'A second hearing is scheduled for March.');
    highlightSelection(app.core.ctx, { versionId: one.versionId, start: second.start, end: second.end, color: 'yellow' });

    const desk = new DeskPage(page, app.harness.url);
    const url = new URL(app.harness.url);
    url.hash = `/notes/${noteId}?&token=${new URLSearchParams(url.hash.slice(1)).get('token')}`;
    await page.goto(url.toString());
    await expect(page.locator('.quote-chip-source').first()).toHaveText('The Ledger, Harbour dredging approved');
    await desk.openArticle(one.articleId);
    await expect(desk.note).toBeVisible();
    await expect(desk.reader.passageItem('A second hearing')).toBeVisible();
    const found: Record<string, string[]> = { desk: await violations(page) };

    await page.getByTestId('nav-library').click();
    await expect(page.getByTestId('article-list').getByRole('option')).toHaveCount(1);
    // No row cuts its second line: each row's content fits its fixed height.
    const clipped = await page.getByTestId('article-list').getByRole('option').evaluateAll((rows) => rows.filter((r) => r.scrollHeight > r.clientHeight + 1).length);
    expect(clipped).toBe(0);
    found.library = await violations(page);

    await page.getByTestId('search-input').fill('harbour');
    await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
    found.search = await violations(page);
    expect(found).toEqual({ desk: [], library: [], search: [] });
  });
}

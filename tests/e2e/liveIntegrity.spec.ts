import type { ChangeEvent } from '../../shared/contract/events';
import { dispatch } from '../../electron/core/dispatch';
import { findPassage } from '../../electron/core/services/passages';
import { runCli } from '../helpers/runCli';
import { expect, test, type DossierApp } from './fixtures';
import { NotesPage } from './pages/NotesPage';
import { QuoteInNote } from './pages/QuoteInNote';
import { TombstonePage } from './pages/TombstonePage';

/** A page the clipper keys by its canonical URL: clipping it again with other words is a re-clip (a new version). */
function articlePage(slug: string, title: string, sentence: string): string {
  return `<html><head><title>${title}</title><link rel="canonical" href="https://ledger.example/${slug}"></head><body><article><h1>${title}</h1><p>${sentence}</p><p>The council will vote again in March, after the auditors have reported on the procurement and on the emergency rules used.</p></article></body></html>`;
}

async function clip(app: DossierApp, html: string): Promise<{ status: string; articleId: number }> {
  const result = await dispatch(app.core.handlers, 'clip.save', { inputs: [{ kind: 'paste', format: 'html', content: html }] });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { results: { status: string; articleId: number }[] }).results[0]!;
}

test('an open note flags a re-clipped quote and a deleted source live, without a reload; the chip opens a tombstone with a way back', async ({ page, app }) => {
  const one = await clip(app, articlePage('water', 'City awarded water contract', 'The procurement office flagged the award as irregular in an internal memo.'));
  const two = await clip(app, articlePage('ferry', 'Ferry timetable cut', 'Islanders learned on Monday that the evening ferry would stop running.'));
  const p1 = findPassage(app.core.ctx, one.articleId, 'flagged the award as irregular');
  const p2 = findPassage(app.core.ctx, two.articleId, 'the evening ferry would stop running');
  const quoted = await dispatch(app.core.handlers, 'passages.quoteIntoNote', { passageId: p1.id, kind: 'block' });
  if (!quoted.ok) throw new Error(quoted.error.message);
  const noteId = (quoted.value as { noteId: number }).noteId;
  await dispatch(app.core.handlers, 'passages.quoteIntoNote', { passageId: p2.id, noteId, kind: 'block' });

  const notes = new NotesPage(page, app.harness.url);
  const url = new URL(app.harness.url);
  url.hash = `/notes/${noteId}?&token=${new URLSearchParams(url.hash.slice(1)).get('token')}`;
  await page.goto(url.toString());
  const first = new QuoteInNote(page, 0);
  const second = new QuoteInNote(page, 1);
  await expect(first.root).toHaveAttribute('data-status', 'ok');
  await expect(second.root).toHaveAttribute('data-status', 'ok');
  // Any reload from here on would fail the "no reload" claim: the page marks itself.
  await page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));

  // Record in the page when the first quote's flag turns to "changed", to time it against the event.
  await page.evaluate(() => {
    const quote = document.querySelectorAll('figure.dq')[0]!;
    new MutationObserver(() => {
      if (quote.getAttribute('data-status') === 'changed') (window as unknown as { flaggedAt?: number }).flaggedAt ??= performance.timeOrigin + performance.now();
    }).observe(quote, { attributes: true, attributeFilter: ['data-status'] });
  });
  let emittedAt = 0;
  const stop = app.core.events.subscribe((event: ChangeEvent) => {
    if (event.type === 'article.reclipped') emittedAt = Date.now();
  });

  // Re-clip article 1 with the quoted sentence edited.
  const again = await clip(app, articlePage('water', 'City awarded water contract', 'The procurement office flagged the award as unusual in an internal memo.'));
  stop();
  expect(again).toMatchObject({ status: 'new-version', articleId: one.articleId });
  await expect(first.root).toHaveAttribute('data-status', 'changed', { timeout: 1000 });
  await expect(first.flag).toHaveText('source changed since quoted');
  await expect(first.text).toHaveText('flagged the award as irregular'); // the note keeps the words it quoted
  const flaggedAt = await page.evaluate(() => (window as unknown as { flaggedAt?: number }).flaggedAt);
  const latency = flaggedAt! - emittedAt;
  console.log(`[live integrity] change event to the open note's flag: ${latency.toFixed(0)} ms`);
  expect(latency).toBeLessThanOrEqual(1000);

  // Delete article 2 through the API, as another window would.
  // Delete moves it to the Trash; emptying the Trash deletes it for good.
  const deleted = await dispatch(app.core.handlers, 'articles.delete', { id: two.articleId });
  expect(deleted.ok).toBe(true);
  await expect(second.root).toHaveAttribute('data-status', 'source_in_trash', { timeout: 1000 });
  expect((await dispatch(app.core.handlers, 'trash.deletePermanently', { items: [{ type: 'article', id: two.articleId }] })).ok).toBe(true);
  await expect(second.root).toHaveAttribute('data-status', 'source_deleted', { timeout: 1000 });
  await expect(second.flag).toHaveText('source deleted');
  await expect(second.text).toHaveText('the evening ferry would stop running'); // still readable

  await second.chip.click();
  const tombstone = new TombstonePage(page);
  await expect(tombstone.root).toBeVisible();
  await expect(tombstone.quote).toHaveText('the evening ferry would stop running');
  await expect(tombstone.citation).toContainText('“Ferry timetable cut”');
  await expect(tombstone.citation).toContainText('https://ledger.example/ferry');
  await tombstone.back.click();
  await expect(tombstone.root).toBeHidden();
  await expect(notes.title).toHaveValue('City awarded water contract');
  expect(await page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark)).toBe(true);
});

test('a note saved by the command line (another process) shows up in the open list without a reload', async ({ page, app }) => {
  const notes = new NotesPage(page, app.harness.url);
  await notes.open();
  await expect(notes.items()).toHaveCount(0);
  const created = await runCli('notes', 'create', '--title', 'Filed from the terminal', '--db', app.dbPath);
  expect(created.code).toBe(0);
  await expect(notes.items()).toHaveCount(1, { timeout: 1500 });
  await expect(notes.items().first()).toContainText('Filed from the terminal');
});

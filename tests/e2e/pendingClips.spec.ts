import { addPendingClip } from '../../db/repositories/articles';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

/** #14: pending addresses can be removed; fetching them shows a progress bar; long addresses never widen the pane. */
test('pending addresses: a long one stays inside the pane, Remove forgets one, Fetch now shows progress', async ({ page, app }) => {
  const long = `http://127.0.0.1:9/live/${'venezuela-strikes-'.repeat(120)}`;
  addPendingClip(app.core.ctx.db, long, 'No network: will retry when online', app.core.ctx.now());
  addPendingClip(app.core.ctx.db, 'http://127.0.0.1:9/ferry', 'No network: will retry when online', app.core.ctx.now());
  addPendingClip(app.core.ctx.db, 'http://127.0.0.1:9/port', 'No network: will retry when online', app.core.ctx.now());
  const library = new LibraryPage(page, app.harness.url);
  await library.open();
  await expect(library.pending).toContainText('3 web addresses wait for the network');

  const overflows = (selector: string) =>
    page.evaluate((sel) => [...document.querySelectorAll<HTMLElement>(sel)].some((el) => el.scrollWidth > el.clientWidth + 1), selector);
  expect(await overflows('.list-pane, .pending-clips, .pending-line')).toBe(false);

  await library.pending.getByRole('button', { name: 'Remove http://127.0.0.1:9/ferry from pending clips' }).click();
  await expect(library.pending).toContainText('2 web addresses wait for the network');
  expect(app.core.ctx.db.prepare(`SELECT count(*) FROM pending_clips WHERE url LIKE '%ferry'`).pluck().get()).toBe(0);

  // The progress line (with the long address in it) is recorded while it shows: it must not widen its pane either.
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { seen: boolean[] }).seen = seen;
    new MutationObserver(() => {
      const line = document.querySelector<HTMLElement>('[data-testid="pending-progress"]');
      const pane = document.querySelector<HTMLElement>('.list-pane');
      if (line && pane) seen.push(line.scrollWidth <= line.clientWidth + 1 && pane.scrollWidth <= pane.clientWidth + 1);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await library.pending.getByTestId('fetch-pending').click();
  await expect(library.results.locator('[data-status="failed"]')).toHaveCount(2);
  const seen = await page.evaluate(() => (window as unknown as { seen: boolean[] }).seen);
  expect(seen.length, 'the progress bar showed').toBeGreaterThan(0);
  expect(seen.every(Boolean), 'the progress line stayed inside its pane').toBe(true);
});

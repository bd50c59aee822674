import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const LONG = (words: number, tag: string): string => Array.from({ length: words }, (_, i) => `${tag}${i % 7 === 0 ? '.' : ''}`).join(' ');
const story = (title: string, body: string, head = ''): Buffer =>
  Buffer.from(`<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1>${body}</article></body></html>`);
const paragraphs = (tag: string, n = 3): string => Array.from({ length: n }, (_, i) => `<p>${LONG(60, `${tag}${i}w`)}</p>`).join('');
const html = (name: string, bytes: Buffer) => ({ name, type: 'text/html', bytes });

test.describe('clipping many files, URLs offline, warnings and versions', () => {
  test('many saved pages at once: a progress indicator, then one result per file (clipped / duplicate / failed with reason)', async ({ page, app }) => {
    const library = new LibraryPage(page, app.harness.url);
    await library.open();
    // The first page takes its worker a second or so (thousands of small paragraphs): long enough to see the progress.
    const slow = story('Council minutes', '<p><span>Item noted.</span> The clerk read it into the record.</p>'.repeat(2500));
    await library.dropFiles([
      html('minutes.html', slow),
      html('ferry.html', story('Ferry timetable cut', paragraphs('ferry'))),
      html('harbour.html', story('Harbour wall repaired', paragraphs('harbour'))),
      html('ferry-copy.html', story('Ferry timetable cut', paragraphs('ferry'))),
      html('empty.html', Buffer.alloc(0)),
      html('deep.html', Buffer.from(`<html><body>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`)),
      { name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4') },
    ]);
    await expect(library.progress).toBeVisible();
    await expect(library.progress).toContainText(/Clipping 1 of 6: minutes\.html/);
    await expect(library.progress.locator('progress')).toHaveAttribute('max', '6');
    await expect(library.progress).toBeHidden({ timeout: 20_000 });

    // A result line shows the article's title; its input (file name or address) is the line's tooltip.
    const row = (name: string) => library.results.locator(`li:has(.clip-result-input[title$="${name}"])`);
    await expect(library.results.locator('li')).toHaveCount(7);
    for (const name of ['minutes.html', 'ferry.html', 'harbour.html']) await expect(row(name)).toHaveAttribute('data-status', 'clipped');
    await expect(row('ferry-copy.html')).toHaveAttribute('data-status', 'duplicate');
    await expect(row('ferry-copy.html')).toContainText('Already in library');
    await expect(row('empty.html')).toHaveAttribute('data-status', 'failed');
    await expect(row('empty.html')).toContainText('The file is empty.');
    await expect(row('deep.html')).toContainText('2,000 levels deep');
    await expect(row('scan.pdf')).toContainText('Not a saved page or text file');
    await expect(library.items()).toHaveCount(3);
  });

  test.describe('a URL while offline', () => {
    let server: Server;
    let online = false;
    let base = '';
    let requests = 0;
    test.beforeEach(async () => {
      online = false;
      requests = 0;
      // A local server stands in for the web; "offline" drops every connection, as a dead network does.
      server = createServer((req, res) => {
        requests++;
        if (!online) return void req.socket.destroy();
        if (req.url === '/ferry') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(story('Ferry timetable cut', paragraphs('ferry')));
        else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    test.afterEach(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    test('a private address is fetched only after the journalist confirms its host; Cancel fetches nothing', async ({ page, app }) => {
      online = true;
      const library = new LibraryPage(page, app.harness.url);
      await library.open();
      await library.clipUrl(`${base}/ferry`);
      const dialog = page.getByRole('dialog', { name: 'Clip from a private network?' });
      await expect(dialog.getByTestId('private-host-warning')).toContainText('127.0.0.1');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText('Not clipped: 127.0.0.1 is on this computer or a private network.')).toBeVisible();
      expect(requests).toBe(0);
      await expect(library.items()).toHaveCount(0);

      await library.clipUrl(`${base}/ferry`);
      await library.confirmPrivateHost('127.0.0.1');
      await expect(library.results.locator('[data-status="clipped"] .clip-result-input')).toHaveAttribute('title', `${base}/ferry`, { timeout: 15_000 });
      expect(requests).toBe(1);
    });

    test('is kept as a pending clip with a clear status, and fetched later', async ({ page, app }) => {
      const library = new LibraryPage(page, app.harness.url);
      await library.open();
      await library.clipUrl(`${base}/ferry`);
      // The test server is on 127.0.0.1: the journalist is asked before Dossier reaches a private address.
      await library.confirmPrivateHost('127.0.0.1');
      await expect(library.results.locator('[data-status="pending"]')).toContainText('Pending (offline)');
      await expect(library.results.locator('[data-status="pending"]')).toContainText('kept in Pending clips');
      await expect(library.pending).toContainText('1 web address waits for the network');
      const entry = library.pending.getByTestId('pending-clip');
      await expect(entry).toContainText(`${base}/ferry`);
      await expect(entry).toContainText(/pending since .*tried once.*No network: will retry when online \((127\.0\.0\.1:\d+ [^)]+|the connection to 127\.0\.0\.1:\d+ was cut)\)/);
      await expect(page.getByText('Your library is empty.')).toBeVisible();

      // Still offline: it stays pending, and says it was tried again.
      await library.fetchPending();
      await expect(entry).toContainText('tried 2 times');

      online = true;
      await library.fetchPending();
      await expect(library.results.locator('[data-status="clipped"] .clip-result-input')).toHaveAttribute('title', `${base}/ferry`, { timeout: 15_000 });
      await expect(library.pending).toBeHidden();
      await expect(library.items()).toHaveCount(1);
      await expect(page.getByTestId('article-title')).toHaveText('Ferry timetable cut');
      expect(await app.core.handlers['clip.pending']({})).toMatchObject([{ url: `${base}/ferry`, status: 'done' }]);
    });
  });

  test('the extraction-loss warning is visible and the original stays viewable as text', async ({ page, app }) => {
    const library = new LibraryPage(page, app.harness.url);
    await library.open();
    // Readability drops blocks whose class looks like page furniture, even mid-article.
    const dropped = Array.from({ length: 3 }, (_, i) => `<p class="supplemental">${LONG(50, `lost${i}w`)}</p>`).join('');
    await library.dropFiles([html('lossy.html', story('Budget vote delayed', `<div id="story">${paragraphs('kept')}${dropped}</div>`))]);
    await expect(library.results.locator('[data-status="clipped"]')).toHaveCount(1);
    await library.openArticle('Budget vote delayed');
    const warnings = page.getByTestId('article-warnings');
    await expect(warnings).toBeVisible();
    await expect(warnings).toContainText(/Extraction may have lost text: 3 paragraphs/);
    await expect(page.getByTestId('article-body')).not.toContainText('lost0w');
    await page.getByTestId('view-original').click();
    await expect(page.getByTestId('original-text')).toContainText('lost0w. lost0w lost0w');
    await expect(page.getByTestId('original-text')).toContainText('lost2w');
  });

  test('the article view says how many versions exist and when each was captured', async ({ page, app }) => {
    const library = new LibraryPage(page, app.harness.url);
    await library.open();
    const canonical = '<link rel="canonical" href="https://news.example.org/2026/ferry">';
    await library.dropFiles([html('ferry-monday.html', story('Ferry timetable cut', paragraphs('monday'), canonical))]);
    await expect(library.results.locator('[data-status="clipped"]')).toHaveCount(1);
    await library.dropFiles([html('ferry-tuesday.html', story('Ferry timetable cut', paragraphs('tuesday'), canonical))]);
    await expect(library.results.locator('[data-status="new-version"]')).toHaveCount(1);
    await expect(library.items()).toHaveCount(1);

    await library.openArticle('Ferry timetable cut');
    await expect(library.view.locator('.article-meta summary')).toContainText('2 versions');
    const versions = await library.versions();
    await expect(versions).toHaveCount(2);
    const stored = (await app.core.handlers['articles.list']({})) as { id: number }[];
    const article = (await app.core.handlers['articles.get']({ id: stored[0]!.id })) as { versions: { versionNo: number; clippedAt: string; sourceLocation: string }[] };
    for (const [i, version] of article.versions.entries()) {
      const shown = await page.evaluate((iso) => new Date(iso).toLocaleString(), version.clippedAt);
      await expect(versions.nth(i)).toContainText(`Version ${version.versionNo}: captured ${shown} from a file (${version.sourceLocation})`);
    }
    await expect(page.getByTestId('article-body')).toContainText('tuesday0w. tuesday0w');
  });
});

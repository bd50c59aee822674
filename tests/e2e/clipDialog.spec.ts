import { cpSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core/openCore';
import { readAssetForServing } from '../../electron/core/services/assets';
import { startHarness } from '../../electron/web/server';
import { makeTempDir } from '../helpers/tempDir';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const FIXTURES = new URL('../fixtures/clip/', import.meta.url);

/**
 * The desktop app's Add… button. Electron cannot launch here, so its two
 * boundaries are stood in for: the native file dialog (the core host's
 * pickFiles returns the "chosen" paths) and the preload bridge (an init script
 * gives the page the same invoke over the harness, with transport 'electron').
 */
test('Electron: Add… clips the files chosen in the native dialog one by one, with progress and a result per file', async ({ page }) => {
  const dir = makeTempDir('dossier-e2e-');
  const downloads = dir.file('Downloads');
  cpSync(FIXTURES, downloads, { recursive: true });
  // Thousands of small paragraphs: a second or so in the worker, long enough to see the progress.
  writeFileSync(`${downloads}/minutes.html`, `<html><head><title>Council minutes</title></head><body><article>${'<p><span>Item noted.</span> The clerk read it into the record.</p>'.repeat(2500)}</article></body></html>`);
  writeFileSync(`${downloads}/empty.html`, '');
  const chosen = [`${downloads}/minutes.html`, `${downloads}/harbour-report.html`, `${downloads}/empty.html`];
  const core = openCore(dir.file('dossier.sqlite'), { host: { pickFiles: async () => chosen } });
  const harness = await startHarness({ handlers: core.handlers, staticDir: RENDERER_DIR, readAsset: (sha256) => readAssetForServing(core.ctx, sha256) });
  try {
    await page.addInitScript(() => {
      const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
      Object.defineProperty(window, 'dossier', {
        value: {
          transport: 'electron',
          invoke: async (channel: string, input: unknown) =>
            (await fetch(`api/${encodeURIComponent(channel)}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-dossier-token': token }, body: JSON.stringify(input) })).json(),
          onFlushRequest() {},
          onMenuCommand() {},
          // Main's change-event push (no events in this stand-in): returns the unsubscribe, as the preload does.
          onEvent: () => () => {},
        },
      });
    });
    const library = new LibraryPage(page, harness.url);
    await library.open();
    await page.getByTestId('add-clips').click();
    await expect(library.progress).toContainText('Clipping 1 of 3: minutes.html');
    await expect(library.progress).toBeHidden({ timeout: 20_000 });

    // A result line shows the article's title; its input (file name or address) is the line's tooltip.
    const row = (name: string) => library.results.locator(`li:has(.clip-result-input[title$="${name}"])`);
    await expect(library.results.locator('li')).toHaveCount(3);
    await expect(row('minutes.html')).toHaveAttribute('data-status', 'clipped');
    await expect(row('harbour-report.html')).toHaveAttribute('data-status', 'clipped');
    await expect(row('empty.html')).toHaveAttribute('data-status', 'failed');
    await expect(row('empty.html')).toContainText('The file is empty.');
    await expect(library.items()).toHaveCount(2);
    // The main process read the saved page's _files folder: the article shows its image from the local store
    // (under Electron the renderer keeps the dossier-asset: scheme, which Electron's protocol handler serves).
    await library.openArticle('Harbour dredging report leaves council split');
    await expect(page.getByTestId('article-body').locator('img')).toHaveAttribute('src', /^dossier-asset:[0-9a-f]{64}$/);
  } finally {
    await harness.close();
    core.close();
    dir.cleanup();
  }
});

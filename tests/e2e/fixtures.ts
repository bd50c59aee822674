import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../../electron/core/openCore';
import { readAssetForServing } from '../../electron/core/services/assets';
import { startHarness, type Harness } from '../../electron/web/server';
import { makeTempDir } from '../helpers/tempDir';
import { NotesPage } from './pages/NotesPage';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface DossierApp {
  harness: Harness;
  core: Core;
  dbPath: string;
  /** Problems the page reported: uncaught errors and CSP violations. Asserted empty after each test. */
  pageProblems: string[];
}

/**
 * Each test gets its own profile: a fresh SQLite file in a temp dir, a harness
 * (the same handler table as Electron's IPC) serving the built renderer, and a
 * page opened on it.
 */
export const test = base.extend<{ app: DossierApp; notes: NotesPage }>({
  app: async ({ page }, use) => {
    if (!existsSync(RENDERER_DIR)) throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm run test:e2e does).');
    const dir = makeTempDir('dossier-e2e-');
    const dbPath = dir.file('dossier.sqlite');
    const core = openCore(dbPath);
    const harness = await startHarness({
      handlers: core.handlers,
      staticDir: RENDERER_DIR,
      readAsset: (sha256) => readAssetForServing(core.ctx, sha256),
      subscribe: (listener) => core.events.subscribe(listener),
    });
    // As `npm run web` does: commits by another process (the CLI) reach the page too.
    core.watchExternalChanges();
    const pageProblems: string[] = [];
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) pageProblems.push(message.text());
    });
    await use({ harness, core, dbPath, pageProblems });
    await harness.close();
    core.close();
    dir.cleanup();
    expect(pageProblems, 'the page reported errors').toEqual([]);
  },
  notes: async ({ page, app }, use) => {
    const notes = new NotesPage(page, app.harness.url);
    await notes.open();
    await use(notes);
  },
});

export { expect, type Page };

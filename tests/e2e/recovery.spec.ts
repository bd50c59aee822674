import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../electron/core/dispatch';
import { openCore } from '../../electron/core/openCore';
import { startHarness } from '../../electron/web/server';
import { editorJson } from '../helpers/core';
import { flipBytesInTablePage } from '../helpers/corrupt';
import { makeTempDir } from '../helpers/tempDir';
import { NotesPage } from './pages/NotesPage';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** T6 end to end: a library with a flipped page opens to the recovery screen, and restoring the offered backup brings the notes back. */
test('a damaged library is set aside and the app offers and restores the newest good backup', async ({ page }) => {
  const dir = makeTempDir('dossier-e2e-');
  const dbPath = dir.file('dossier.sqlite');
  const first = openCore(dbPath);
  const created = (await dispatch(first.handlers, 'notes.create', { title: 'Harbour sources' })) as { value: { id: number } };
  await dispatch(first.handlers, 'notes.save', { id: created.value.id, contentJson: editorJson('the pilot saw the second barge') });
  await dispatch(first.handlers, 'db.backup', {});
  first.close();
  flipBytesInTablePage(dbPath, 'notes');

  const core = openCore(dbPath);
  const harness = await startHarness({ handlers: core.handlers, staticDir: RENDERER_DIR });
  try {
    const notes = new NotesPage(page, harness.url);
    await page.goto(harness.url);
    const recovery = page.getByTestId('library-recovery');
    await expect(recovery.getByRole('heading', { name: 'Your library is damaged' })).toBeVisible();
    await expect(recovery).toContainText('.damaged-');
    await expect(page.getByTestId('newest-backup')).toContainText('(1 note)');
    await expect(page.getByTestId('note-list')).toHaveCount(0);
    await recovery.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(notes.item('Harbour sources')).toBeVisible();
    await notes.select('Harbour sources');
    await expect(notes.editor).toHaveText('the pilot saw the second barge');
  } finally {
    await harness.close();
    core.close();
    dir.cleanup();
  }
});

/** Section 4: a library whose data was in a lost WAL opens empty; with a backup holding notes, the app says so instead of showing a fresh library. */
test('a library that opens empty while a backup holds notes shows the recovery screen, with what a backup may still hold', async ({ page }) => {
  const dir = makeTempDir('dossier-e2e-');
  const dbPath = dir.file('dossier.sqlite');
  const first = openCore(dbPath);
  const created = (await dispatch(first.handlers, 'notes.create', { title: 'Harbour sources' })) as { value: { id: number } };
  await dispatch(first.handlers, 'notes.save', { id: created.value.id, contentJson: editorJson('the pilot saw the second barge') });
  await dispatch(first.handlers, 'db.backup', {});
  first.close();
  // What is left when every page was still in the WAL and the WAL is gone: a file with no schema.
  writeFileSync(dbPath, '');

  const core = openCore(dbPath);
  const harness = await startHarness({ handlers: core.handlers, staticDir: RENDERER_DIR });
  try {
    const notes = new NotesPage(page, harness.url);
    await page.goto(harness.url);
    const recovery = page.getByTestId('library-recovery');
    await expect(recovery.getByRole('heading', { name: 'Your library opened empty' })).toBeVisible();
    await expect(recovery).toContainText('holds 1 note');
    await expect(page.getByTestId('backup-holds-deleted')).toContainText('Backups taken before you deleted something still contain it');
    await recovery.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(notes.item('Harbour sources')).toBeVisible();
  } finally {
    await harness.close();
    core.close();
    dir.cleanup();
  }
});

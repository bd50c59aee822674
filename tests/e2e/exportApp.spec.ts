import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import type { Handlers } from '../../electron/core/handlers';
import { openCore } from '../../electron/core/openCore';
import { editorJson } from '../helpers/core';
import { makeTempDir } from '../helpers/tempDir';
import { expect, test } from './fixtures';
import { ExportDialogs } from './pages/ExportDialogs';
import { NoteExportPanel } from './pages/NoteExportPanel';
import { NotesPage } from './pages/NotesPage';

async function must<T>(handlers: Handlers, channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A project of `count` notes, made through the same handler table the page uses. */
async function seedProject(handlers: Handlers, name: string, count: number): Promise<void> {
  const project = await must<{ id: number }>(handlers, 'projects.create', { name });
  const items: Array<{ type: 'note'; id: number }> = [];
  for (let i = 1; i <= count; i += 1) {
    const note = await must<{ id: number }>(handlers, 'notes.create', { title: `${name} finding ${i}` });
    await must(handlers, 'notes.save', { id: note.id, contentJson: editorJson(`Finding ${i}: the dredger logged ${i * 3} hours.`) });
    items.push({ type: 'note', id: note.id });
  }
  await must(handlers, 'projects.addItems', { projectId: project.id, items });
}

test('Export project… from the palette shows progress, asks before replacing a file it did not write, and replaces only on yes', async ({ page, app }) => {
  await seedProject(app.core.handlers, 'Harbour dredging', 150);
  const notes = new NotesPage(page, app.harness.url);
  await notes.open();
  const folder = join(dirname(app.dbPath), 'harbour-export');
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.md'), 'my own index, not Dossier’s');

  const dialogs = new ExportDialogs(page);
  await dialogs.runCommand('Export project');
  await expect(dialogs.project).toBeVisible();
  await expect(dialogs.projectSelect).toContainText('Harbour dredging (150 notes, 0 articles)');
  await dialogs.folder.fill(folder);
  await dialogs.citationStyle.selectOption('inline');
  await dialogs.obsidian.check();
  await dialogs.watchProgress();
  await dialogs.exportProject();

  await expect(dialogs.conflict).toBeVisible();
  await expect(dialogs.conflict).toContainText('did not write');
  await expect(dialogs.conflict.getByRole('listitem')).toHaveText(['index.md']);
  expect((await dialogs.progressSeen()).length, 'the progress indicator was shown while the job ran').toBeGreaterThan(0);
  // Nothing at all was written before the question.
  expect(readFileSync(join(folder, 'index.md'), 'utf8')).toBe('my own index, not Dossier’s');
  expect(existsSync(join(folder, 'notes'))).toBe(false);

  // "Keep my files" leaves everything as it was.
  await dialogs.conflict.getByRole('button', { name: 'Keep my files' }).click();
  await expect(dialogs.conflict).toBeHidden();
  expect(readFileSync(join(folder, 'index.md'), 'utf8')).toBe('my own index, not Dossier’s');
  expect(existsSync(join(folder, 'notes'))).toBe(false);

  // Asked again, the user says yes: the export completes with the chosen options.
  await dialogs.watchProgress();
  await dialogs.exportProject();
  await dialogs.conflict.getByRole('button', { name: 'Replace file' }).click();
  await expect(dialogs.projectStatus).toContainText('Exported 150 notes and 0 sources');
  await expect(dialogs.projectStatus).toContainText('151 files written, 0 unchanged');
  const seen = await dialogs.progressSeen();
  console.log('[export e2e] progress seen:', [...new Set(seen)].join(' | '));
  expect(seen.length).toBeGreaterThan(0);
  expect(readdirSync(join(folder, 'notes'))).toHaveLength(150);
  const index = readFileSync(join(folder, 'index.md'), 'utf8');
  expect(index).toContain('# Harbour dredging');
  expect(index).toContain('[[notes/Harbour dredging finding 1|Harbour dredging finding 1]]');

  // Exporting again into the folder Dossier now owns needs no question.
  await dialogs.exportProject();
  // Only index.md (it carries the export time) is rewritten; the notes are byte-identical.
  await expect(dialogs.projectStatus).toContainText('1 file written, 150 unchanged');
  await expect(dialogs.conflict).toBeHidden();
});

test('exporting into a folder of other files asks first; "Export here" adds the export beside them', async ({ page, app }) => {
  await seedProject(app.core.handlers, 'Ferry timetable', 2);
  const notes = new NotesPage(page, app.harness.url);
  await notes.open();
  const folder = join(dirname(app.dbPath), 'Documents');
  mkdirSync(folder);
  writeFileSync(join(folder, 'interview.docx'), 'transcript');

  const dialogs = new ExportDialogs(page);
  await dialogs.runCommand('Export project');
  await dialogs.folder.fill(folder);
  await dialogs.exportProject();
  await expect(dialogs.conflict).toContainText('already holds files Dossier did not create');
  await expect(dialogs.conflict.getByRole('listitem')).toHaveText(['interview.docx']);
  expect(readdirSync(folder)).toEqual(['interview.docx']);

  // Changing an option withdraws the question (it was about the export as first asked); asking again brings it back.
  await dialogs.obsidian.check();
  await expect(dialogs.conflict).toBeHidden();
  await dialogs.exportProject();
  await dialogs.conflict.getByRole('button', { name: 'Export here' }).click();
  await expect(dialogs.projectStatus).toContainText('Exported 2 notes and 0 sources');
  expect(readdirSync(folder).sort()).toEqual(['.dossier-export.json', 'index.md', 'interview.docx', 'notes']);
  expect(readFileSync(join(folder, 'interview.docx'), 'utf8')).toBe('transcript');
  expect(readFileSync(join(folder, 'notes', 'Ferry timetable finding 1.md'), 'utf8')).toContain('Finding 1: the dredger logged 3 hours.');
  // The export used the option chosen after the first question: Obsidian wikilinks in the index.
  expect(readFileSync(join(folder, 'index.md'), 'utf8')).toContain('[[notes/Ferry timetable finding 1|Ferry timetable finding 1]]');
});

test('Copy note as Markdown and Export note… from the palette act on the open note', async ({ notes, page, context, app }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.harness.url });
  await notes.createNote('Pilot log');
  await notes.typeInEditor('The pilot boarded at 04:10.');
  const dialogs = new ExportDialogs(page);
  await dialogs.runCommand('Copy note as Markdown');
  const panel = new NoteExportPanel(page);
  await panel.expectStatus('Copied as Markdown');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toMatch(/^---\ntitle: Pilot log\n/);
  expect(clipboard).toContain('\nThe pilot boarded at 04:10.\n');

  await dialogs.runCommand('Export note');
  await expect(panel.path).toBeVisible();
  await expect(panel.path).toBeFocused();
});

test('with no note open, the note commands say so instead of doing nothing', async ({ notes, page }) => {
  await expect(notes.editor).toBeHidden();
  await new ExportDialogs(page).runCommand('Copy note as Markdown');
  await expect(page.getByTestId('error-toast')).toContainText('Open a note first');
});

test('library archive: export from the palette (asking before replacing a file), then import into an empty library after a preview', async ({ page, app }) => {
  await seedProject(app.core.handlers, 'Ferry contracts', 3);
  const notes = new NotesPage(page, app.harness.url);
  await notes.open();
  const dialogs = new ExportDialogs(page);
  const archive = join(dirname(app.dbPath), 'library.jsonl.gz');
  writeFileSync(archive, 'an older file of mine');

  await dialogs.runCommand('Export library archive');
  await dialogs.archivePath.fill(archive);
  await dialogs.archive.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialogs.archiveConfirm).toContainText('already exists');
  expect(readFileSync(archive, 'utf8')).toBe('an older file of mine');
  await dialogs.archiveConfirm.getByRole('button', { name: 'Replace' }).click();
  await expect(dialogs.archiveStatus).toContainText('Archived the library (3 notes');
  await dialogs.archive.getByRole('button', { name: 'Close' }).click();

  // This library is not empty: the preview refuses before anything is imported.
  await dialogs.runCommand('Import library archive');
  await dialogs.archivePath.fill(archive);
  await dialogs.archive.getByRole('button', { name: 'Check archive' }).click();
  await expect(dialogs.archiveStatus).toContainText('Import needs an empty library');
  await dialogs.archive.getByRole('button', { name: 'Close' }).click();

  // A second profile, empty: the archive lands there after the user saw what it adds.
  const other = makeTempDir('dossier-e2e-import-');
  const otherCore = openCore(other.file('dossier.sqlite'));
  try {
    const { startHarness } = await import('../../electron/web/server');
    const { fileURLToPath } = await import('node:url');
    const harness = await startHarness({ handlers: otherCore.handlers, staticDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)) });
    try {
      const empty = new NotesPage(page, harness.url);
      await empty.open();
      await expect(empty.items()).toHaveCount(0);
      await dialogs.runCommand('Import library archive');
      await dialogs.archivePath.fill(archive);
      await dialogs.archive.getByRole('button', { name: 'Check archive' }).click();
      await expect(dialogs.archiveConfirm).toContainText(`Import ${archive}`);
      await expect(dialogs.archiveContents).toContainText('3 notes');
      await expect(dialogs.archiveContents).toContainText('1 projects');
      expect(otherCore.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
      await dialogs.archiveConfirm.getByRole('button', { name: 'Import' }).click();
      // The page reloads on the imported library.
      await expect(empty.items()).toHaveCount(3);
      await expect(empty.item('Ferry contracts finding 2')).toBeVisible();
    } finally {
      await harness.close();
    }
  } finally {
    otherCore.close();
    other.cleanup();
  }
});

test('Export project… starts on the project the library shows and warns when it has no notes', async ({ page, app }) => {
  await seedProject(app.core.handlers, 'Anchorage', 1);
  const empty = await must<{ id: number }>(app.core.handlers, 'projects.create', { name: 'Venezuela strikes' });
  const article = await must<{ results: Array<{ articleId: number }> }>(app.core.handlers, 'clip.save', { inputs: [{ kind: 'paste', format: 'text', content: 'Unions called a strike on Monday.' }] });
  await must(app.core.handlers, 'projects.addItems', { projectId: empty.id, items: [{ type: 'article', id: article.results[0]!.articleId }] });
  const notes = new NotesPage(page, app.harness.url);
  await notes.open();
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-project').filter({ hasText: 'Venezuela strikes' }).click();

  const dialogs = new ExportDialogs(page);
  await dialogs.runCommand('Export project');
  await expect(dialogs.projectSelect.locator('option:checked')).toHaveText('Venezuela strikes (0 notes, 1 article)');
  await expect(dialogs.project.getByTestId('export-no-notes')).toHaveText('⚠ “Venezuela strikes” has no notes yet: the export would hold only its source, with no notes and no citations.');
  await expect(dialogs.project.getByRole('button', { name: 'Export sources only' })).toBeVisible();
  await dialogs.projectSelect.selectOption({ label: 'Anchorage (1 note, 0 articles)' });
  await expect(dialogs.project.getByTestId('export-no-notes')).toBeHidden();
});

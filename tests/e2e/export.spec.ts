import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { NoteExportPanel } from './pages/NoteExportPanel';

test('Copy as Markdown puts the note, just typed, on the clipboard', async ({ notes, page, context, app }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.harness.url });
  await notes.createNote('Harbour <draft>');
  await notes.typeInEditor('Board minutes show ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('no emergency');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' <script>x</script>');
  const panel = new NoteExportPanel(page);
  // No wait for "saved": copying must flush the pending edit itself.
  await panel.copyButton.click();
  await panel.expectStatus('Copied as Markdown');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toMatch(/^---\ntitle: Harbour <draft>\n/);
  expect(clipboard).toContain('\nBoard minutes show **no emergency** \\<script\\>x\\</script\\>\n');
});

test('Export… writes the note to a file and replaces a file of the user only after asking', async ({ notes, page, app }) => {
  await notes.createNote('Dredging timeline');
  await notes.typeInEditor('January: two ferries aground.');
  const panel = new NoteExportPanel(page);
  const file = join(dirname(app.dbPath), 'timeline.md');
  await panel.exportTo(file);
  await panel.expectStatus(`Exported to ${file}`);
  expect(readFileSync(file, 'utf8')).toContain('\nJanuary: two ferries aground.\n');

  const mine = join(dirname(app.dbPath), 'mine.md');
  writeFileSync(mine, 'my own file');
  await panel.exportTo(mine);
  await expect(panel.replaceQuestion).toContainText(`${mine} already exists and was not written by Dossier`);
  await panel.answerReplace(false);
  await expect(panel.replaceQuestion).toBeHidden();
  expect(readFileSync(mine, 'utf8')).toBe('my own file');

  await panel.exportTo(mine);
  await panel.answerReplace(true);
  await panel.expectStatus(`Exported to ${mine}`);
  expect(readFileSync(mine, 'utf8')).toContain('January: two ferries aground.');

  await panel.exportTo('relative/path.md');
  await expect(panel.status).toContainText('absolute path');
  expect(existsSync(join(dirname(app.dbPath), 'relative'))).toBe(false);
});

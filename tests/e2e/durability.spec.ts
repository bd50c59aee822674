import { getNote, listNotes } from '../../db/repositories/notes';
import { expect, test } from './fixtures';
import { NotesPage } from './pages/NotesPage';

/**
 * T16/T17/T4 through the real renderer in Chromium and the real store:
 * switching notes and closing the page within 50 ms of typing lose nothing
 * and cross nothing; a full disk leaves the text in the editor, shows
 * "Not saved", and saves once space is back.
 */
const SWITCH_ROUNDS = Number(process.env.DOSSIER_SWITCH_ROUNDS ?? 200);

function textsByTitle(db: Parameters<typeof listNotes>[0]): Record<string, string> {
  return Object.fromEntries(listNotes(db).map((n) => [n.title, getNote(db, n.id)!.contentText]));
}

test(`@soak typing then switching notes within 50 ms, ${SWITCH_ROUNDS} times, never loses or crosses text`, async ({ notes, app, page }) => {
  test.setTimeout(300_000);
  const titles = ['Alpha', 'Beta', 'Gamma'];
  for (const title of titles) await notes.createNote(title);
  // A tight loop inside the page, so 200 rounds take seconds: real input events into the editor
  // (execCommand insertText → beforeinput/input, which Lexical handles like typing), a wait of
  // 0–49 ms (inside the 300 ms autosave delay), then a click on another note in the list.
  const expected = await page.evaluate(
    async ({ rounds, titles }) => {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const title = () => (document.querySelector('[aria-label="Note title"]') as HTMLInputElement | null)?.value;
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 400 && !check(); i += 1) await sleep(5);
        if (!check()) throw new Error('the note did not open');
      };
      const typed: Record<string, string> = Object.fromEntries(titles.map((t) => [t, '']));
      let current = titles.at(-1)!;
      for (let round = 0; round < rounds; round += 1) {
        const editor = document.querySelector('[aria-label="Note text"]') as HTMLElement;
        editor.focus();
        const selection = window.getSelection()!;
        selection.selectAllChildren(editor);
        selection.collapseToEnd();
        await sleep(0);
        const word = `${current.toLowerCase()}${round} `;
        document.execCommand('insertText', false, word);
        typed[current] += word;
        await sleep(round % 6 === 0 ? 0 : (round * 7) % 50);
        current = titles[(round + 1) % titles.length]!;
        const item = [...document.querySelectorAll('[role="option"]')].find((el) => el.textContent?.includes(current)) as HTMLElement;
        item.click();
        await until(() => title() === current);
      }
      return typed;
    },
    { rounds: SWITCH_ROUNDS, titles },
  );
  await notes.expectSaved();
  const stored = textsByTitle(app.core.ctx.db);
  for (const title of titles) expect(stored[title], title).toBe(expected[title]!.trim());
  await notes.reload();
  await notes.select('Beta');
  await expect(notes.editor).toHaveText(expected.Beta!.trim());
  const words = Object.values(expected).join('').trim().split(/\s+/).length;
  console.log(`[autosave race] ${SWITCH_ROUNDS} type-then-switch rounds, ${words} words typed: 0 lost, 0 crossed`);
});

test('typing then closing the page within 50 ms keeps the text (keepalive flush on pagehide), 5 times', async ({ notes, app, page, context }) => {
  await notes.createNote('Closing');
  let expected = '';
  let tab = page;
  for (let round = 0; round < (Number(process.env.DOSSIER_CLOSE_ROUNDS) || 5); round += 1) {
    const view = new NotesPage(tab, app.harness.url);
    if (round > 0) {
      await view.open();
      await view.select('Closing');
      await expect(view.editor).toHaveText(expected.trim());
    }
    const word = `close${round} `;
    await view.editor.press('Control+End');
    await tab.keyboard.type(word);
    expected += word;
    await tab.waitForTimeout((round * 13) % 50);
    // If "Leave site?" appears (a save is still pending), the user leaves: the page really goes away.
    tab.on('dialog', (dialog) => void dialog.accept());
    await tab.close({ runBeforeUnload: true });
    // The keepalive request may still be in flight when close() returns: wait for the store, not the page.
    await expect.poll(() => textsByTitle(app.core.ctx.db).Closing, { timeout: 10_000, message: `round ${round}: the store must hold every word typed before the close` }).toBe(expected.trim());
    tab = await context.newPage();
  }
  const reopened = new NotesPage(tab, app.harness.url);
  await reopened.open();
  await reopened.select('Closing');
  await expect(reopened.editor).toHaveText(expected.trim());
});

test('closing the page while an earlier save is still in flight still sends the last words', async ({ notes, app, page, context }) => {
  await notes.createNote('Slow');
  await notes.expectSaved();
  // Make renames slow on the server side, as on a loaded machine: the rename below is still in flight
  // when the tab closes, and the content typed after it must not wait behind it.
  const handlers = app.core.handlers as unknown as Record<string, (input: unknown) => unknown>;
  const rename = handlers['notes.rename']!;
  handlers['notes.rename'] = async (input) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return rename(input);
  };
  // The user confirms "Leave site?" (shown because a save is pending): the page really goes away.
  page.on('dialog', (dialog) => void dialog.accept());
  await notes.title.fill('Slow source');
  await page.waitForTimeout(400);
  await notes.editor.press('Control+End');
  await page.keyboard.type('last words');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => textsByTitle(app.core.ctx.db)['Slow source'], { timeout: 10_000 }).toBe('last words');
  const reopened = new NotesPage(await context.newPage(), app.harness.url);
  await reopened.open();
  await reopened.select('Slow source');
  await expect(reopened.editor).toHaveText('last words');
});

test('a full disk: the editor keeps the text, the UI says "Not saved", nothing is stored, and Retry saves it once space is back', async ({ notes, app, page }) => {
  await notes.createNote('Transcript');
  await notes.typeInEditor('first line');
  await notes.expectSaved();
  const db = app.core.ctx.db;
  const before = textsByTitle(db).Transcript;
  const integrityBefore = db.pragma('integrity_check', { simple: true });
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);

  const long = ` ${'the harbour master said the second contract was never tendered '.repeat(150)}`;
  await notes.editor.press('Control+End');
  await page.keyboard.insertText(long);
  await expect(notes.saveStatus).toHaveAttribute('data-status', 'error');
  await expect(notes.saveStatus).toContainText('Not saved');
  await expect(notes.editor).toContainText('never tendered');
  expect(textsByTitle(db).Transcript).toBe(before);
  expect(integrityBefore).toBe('ok');
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

  db.pragma('max_page_count = 1073741823');
  await notes.saveStatus.getByRole('button', { name: 'Retry' }).click();
  await notes.expectSaved();
  expect(textsByTitle(db).Transcript).toBe(`first line${long}`.trim());
});

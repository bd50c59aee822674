import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { editorJson, makeTestCore } from '../../helpers/core';

/** The save dialog is Electron's (the one boundary that cannot exist here); the host stands in for it. */
describe('export.noteToChosenFile (the path comes from the host dialog, never from the caller)', () => {
  const cores: Array<ReturnType<typeof makeTestCore>> = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  async function noteIn(core: ReturnType<typeof makeTestCore>): Promise<number> {
    const created = (await dispatch(core.handlers, 'notes.create', { title: 'Port tender' })) as { value: { id: number } };
    await dispatch(core.handlers, 'notes.save', { id: created.value.id, contentJson: editorJson('The tender closed on Tuesday.') });
    return created.value.id;
  }

  it('writes where the dialog chose, adding .md, and offers the note title as the file name', async () => {
    const asked: string[] = [];
    const core = makeTestCore(undefined, {
      chooseSaveFile: async ({ defaultName }) => {
        asked.push(defaultName);
        return core.dir.file('picked');
      },
    });
    cores.push(core);
    const id = await noteIn(core);
    const result = await dispatch(core.handlers, 'export.noteToChosenFile', { id });
    expect(result).toEqual({ ok: true, value: { file: core.dir.file('picked.md'), written: true } });
    expect(asked).toEqual(['Port tender.md']);
    expect(readFileSync(core.dir.file('picked.md'), 'utf8')).toContain('The tender closed on Tuesday.');
  });

  it('does nothing when the dialog is cancelled, and is unsupported without a dialog', async () => {
    const core = makeTestCore(undefined, { chooseSaveFile: async () => undefined });
    cores.push(core);
    const id = await noteIn(core);
    expect(await dispatch(core.handlers, 'export.noteToChosenFile', { id })).toEqual({ ok: true, value: null });
    expect(existsSync(core.dir.file('picked.md'))).toBe(false);
    const bare = makeTestCore();
    cores.push(bare);
    const bareId = await noteIn(bare);
    expect(await dispatch(bare.handlers, 'export.noteToChosenFile', { id: bareId })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('copies the note’s Markdown to the host clipboard (the same text as noteMarkdown), unsupported without one', async () => {
    const copied: string[] = [];
    const core = makeTestCore(undefined, { writeClipboard: (text) => copied.push(text) });
    cores.push(core);
    const id = await noteIn(core);
    const result = await dispatch(core.handlers, 'export.copyNoteMarkdown', { id, citationStyle: 'inline' });
    const expected = (await dispatch(core.handlers, 'export.noteMarkdown', { id, citationStyle: 'inline' })) as { value: { markdown: string } };
    expect(copied).toEqual([expected.value.markdown]);
    expect(copied[0]).toMatch(/^---\ntitle: Port tender\n[\s\S]*\nThe tender closed on Tuesday\.\n/);
    expect(result).toEqual({ ok: true, value: { characters: expected.value.markdown.length } });
    expect(await dispatch(core.handlers, 'export.copyNoteMarkdown', { id: 9999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(copied).toHaveLength(1);
    const bare = makeTestCore();
    cores.push(bare);
    const bareId = await noteIn(bare);
    expect(await dispatch(bare.handlers, 'export.copyNoteMarkdown', { id: bareId })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

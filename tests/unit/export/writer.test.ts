import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/core/export/atomicWrite';
import { ExportWriter } from '../../../electron/core/export/exportWriter';
import { MANIFEST_NAME } from '../../../electron/core/export/manifest';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';
import { insertNote, paragraph, stateJson, text } from '../../helpers/exportFixtures';

const ATOMIC_WRITE = fileURLToPath(new URL('../../../electron/core/export/atomicWrite.ts', import.meta.url));
const NOW = '2026-08-20T10:00:00.000Z';

describe('atomic writes', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('replaces content and leaves no temp file behind', () => {
    const target = dir.file('note.md');
    writeFileAtomic(target, 'old');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir.path)).toEqual(['note.md']);
  });

  it('leaves the old file or the new one, never a partial one, when the writer is killed', async () => {
    const target = dir.file('big.md');
    const oldContent = 'A'.repeat(8 * 1024 * 1024);
    writeFileAtomic(target, oldContent);
    // A separate process rewrites the file with 8 MB of "B" over and over; we kill it mid-write.
    const script = `import { writeFileAtomic } from ${JSON.stringify(ATOMIC_WRITE)};
      const data = Buffer.alloc(8 * 1024 * 1024, 'B'); process.stdout.write('ready\\n');
      for (;;) writeFileAtomic(${JSON.stringify(target)}, data);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const content = readFileSync(target, 'latin1');
    expect(content.length).toBe(oldContent.length);
    expect(content === oldContent || /^B+$/.test(content)).toBe(true);
  }, 20_000);
});

describe('export writer: never overwrites what it did not write', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  const write = (files: Record<string, string>, overwrite = false) => {
    const writer = new ExportWriter(dir.path, { overwrite, now: NOW });
    for (const [path, content] of Object.entries(files)) writer.add(path, content);
    return writer.commit();
  };

  it('refuses, before writing anything, when a file it did not create is in the way', async () => {
    mkdirSync(dir.file('notes'));
    writeFileSync(dir.file('notes/Plan.md'), 'my own notes');
    await expect(write({ 'notes/A.md': 'a', 'notes/Plan.md': 'exported' })).rejects.toThrow(/1 file\(s\).*notes\/Plan\.md \(not written by Dossier\)/);
    expect(readFileSync(dir.file('notes/Plan.md'), 'utf8')).toBe('my own notes');
    expect(existsSync(dir.file('notes/A.md'))).toBe(false);
    expect(existsSync(dir.file(MANIFEST_NAME))).toBe(false);

    await write({ 'notes/A.md': 'a', 'notes/Plan.md': 'exported' }, true);
    expect(readFileSync(dir.file('notes/Plan.md'), 'utf8')).toBe('exported');
  });

  it('re-exports over its own files, skips unchanged ones, and refuses files the user edited', async () => {
    await write({ 'a.md': 'one', 'b.md': 'two' });
    const again = await write({ 'a.md': 'one', 'b.md': 'TWO' });
    expect(again.unchanged).toEqual(['a.md']);
    expect(again.written).toEqual(['b.md']);
    writeFileSync(dir.file('a.md'), 'one, edited by the journalist');
    await expect(write({ 'a.md': 'three' })).rejects.toThrow(/a\.md \(edited since Dossier wrote it\)/);
    expect(readFileSync(dir.file('a.md'), 'utf8')).toBe('one, edited by the journalist');
    const manifest = JSON.parse(readFileSync(dir.file(MANIFEST_NAME), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['a.md', 'b.md']);
  });

  it('still recognizes its files after an export that died halfway', async () => {
    await write({ 'a.md': 'v1', 'b.md': 'v1', 'c.md': 'v1' });
    const writer = new ExportWriter(dir.path, { overwrite: false, now: NOW });
    for (const name of ['a.md', 'b.md', 'c.md']) writer.add(name, 'v2');
    await expect(
      writer.commit((done) => {
        if (done === 2) throw new Error('simulated crash');
      }),
    ).rejects.toThrow('simulated crash');
    // Files in flight when the "crash" hit may have landed too: each is wholly old or wholly new.
    const contents = ['a.md', 'b.md', 'c.md'].map((n) => readFileSync(dir.file(n), 'utf8'));
    expect(contents.filter((c) => c === 'v2').length).toBeGreaterThanOrEqual(2);
    expect(contents.every((c) => c === 'v1' || c === 'v2')).toBe(true);
    writeFileSync(dir.file('.b.md.0123456789ab.dossier-tmp'), 'v2 half-writt'); // what a killed writer leaves
    const resumed = await write({ 'a.md': 'v3', 'b.md': 'v3', 'c.md': 'v3' });
    expect(resumed.written.sort()).toEqual(['a.md', 'b.md', 'c.md']);
    expect(readdirSync(dir.path).filter((n) => n.includes('dossier-tmp'))).toEqual([]);
  });

  it('refuses paths that leave the folder, including through a planted symlink', async () => {
    const outside = makeTempDir('dossier-outside-');
    try {
      await expect(write({ '../escape.md': 'x' })).rejects.toThrow(/outside the export folder/);
      symlinkSync(outside.path, dir.file('notes'));
      await expect(write({ 'notes/A.md': 'x' })).rejects.toThrow(/outside the export folder/);
      expect(readdirSync(outside.path)).toEqual([]);
    } finally {
      outside.cleanup();
    }
  });

  it('refuses a manifest it did not write', async () => {
    writeFileSync(dir.file(MANIFEST_NAME), '{"format":"something else"}');
    await expect(write({ 'a.md': 'x' })).rejects.toThrow(/not one Dossier wrote/);
  });
});

describe('export.note to a single file', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('writes once, re-exports over itself, and refuses a file of the user', async () => {
    const id = insertNote(core.ctx.db, 'Draft', stateJson(paragraph(text('hello'))));
    const file = core.dir.file('draft.md');
    const input = { id, file, overwrite: false, citationStyle: 'footnotes' as const, obsidian: false };
    expect(await core.handlers['export.note'](input)).toEqual({ file, written: true });
    expect(readFileSync(file, 'utf8')).toContain('\nhello\n');
    expect(await core.handlers['export.note'](input)).toEqual({ file, written: false });

    const mine = core.dir.file('mine.md');
    writeFileSync(mine, 'keep me');
    await expect(async () => core.handlers['export.note']({ ...input, file: mine })).rejects.toThrow(/not written by Dossier/);
    expect(readFileSync(mine, 'utf8')).toBe('keep me');
    await expect(async () => core.handlers['export.note']({ ...input, file: 'relative.md' })).rejects.toThrow(/absolute path/);
    const bashrc = core.dir.file('.bashrc');
    writeFileSync(bashrc, 'alias ll=ls');
    await expect(async () => core.handlers['export.note']({ ...input, file: bashrc, overwrite: true })).rejects.toThrow(/must end in \.md/);
    expect(readFileSync(bashrc, 'utf8')).toBe('alias ll=ls');
    expect(existsSync(join(core.dir.path, 'relative.md'))).toBe(false);
  });
});

import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileNameAllocator, foldName, safeStem, utf8Length } from '../../../electron/core/export/fileNames';
import { makeTestCore } from '../../helpers/core';
import { insertNote, paragraph, stateJson, text } from '../../helpers/exportFixtures';

const HOSTILE_TITLES = [
  '../../x',
  '..\\..\\x',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'CON',
  'con',
  'CON.backup',
  'COM¹',
  'lpt³ ',
  'NUL.',
  'AUX  ',
  'a.',
  'a. . .',
  '...',
  '',
  '   ',
  '\u202Egnp.exe',
  'zero\u200Bwidth\u200Djoin\uFEFF',
  'tab\tand\nnewline\u0000nul',
  'wild*card?<>|"quote"',
  'Café', // NFC
  'Cafe\u0301', // NFD twin
  'Report',
  'REPORT',
  'report',
  'Straße',
  'STRASSE',
  `${'é'.repeat(150)}`, // 300 bytes in UTF-8
  `${'😀'.repeat(80)}`, // 320 bytes, 4-byte characters
  `${'x'.repeat(199)}é`, // 201 bytes: must not split é
  'Obsidian [[link]] #tag ^block',
];

describe('file names from hostile titles', () => {
  it('are clean, bounded and never reserved', () => {
    for (const title of HOSTILE_TITLES) {
      const stem = safeStem(title, 'Untitled', 200 - '.md'.length);
      expect(stem, JSON.stringify(title)).not.toMatch(/[\p{Cc}\p{Cf}/\\:*?"<>|]/u);
      expect(stem).not.toMatch(/^[.\s]|[.\s]$/);
      expect(stem.split('.')[0]!.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
      expect(utf8Length(`${stem}.md`)).toBeLessThanOrEqual(200);
      expect(stem).toBe(stem.normalize('NFC'));
      expect(stem).not.toContain('\uFFFD');
    }
  });

  it('truncates at 200 bytes without splitting a character', () => {
    const allocator = new FileNameAllocator();
    const name = allocator.allocate(`${'x'.repeat(199)}é`, '.md');
    expect(name).toBe(`${'x'.repeat(197)}.md`);
    const emoji = allocator.allocate('😀'.repeat(80), '.md');
    expect(utf8Length(emoji)).toBeLessThanOrEqual(200);
    expect(emoji).toBe(`${'😀'.repeat(49)}.md`);
  });

  it('gives case and normalization twins distinct names, with the suffix inside the byte budget', () => {
    const allocator = new FileNameAllocator();
    const names = ['Report', 'REPORT', 'report', 'Café', 'Cafe\u0301', 'Straße', 'STRASSE', 'é'.repeat(150), 'é'.repeat(151)].map((t) => allocator.allocate(t, '.md'));
    expect(names.slice(0, 7)).toEqual(['Report.md', 'REPORT (2).md', 'report (3).md', 'Café.md', 'Café (2).md', 'Straße.md', 'STRASSE (2).md']);
    expect(new Set(names.map(foldName)).size).toBe(names.length);
    for (const name of names) expect(utf8Length(name)).toBeLessThanOrEqual(200);
  });
});

describe('exporting notes with hostile titles', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('writes every note inside the folder, under distinct names, with its content intact', async () => {
    const ids = HOSTILE_TITLES.map((title, i) => insertNote(core.ctx.db, title, stateJson(paragraph(text(`body ${i}`)))));
    const folder = core.dir.file('export');
    const result = await core.handlers['export.notes']({ noteIds: ids, articleIds: [], folder, includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false });
    expect(result.notes).toBe(HOSTILE_TITLES.length);

    const everything = readdirSync(core.dir.path, { recursive: true }).map(String);
    const outside = everything.filter((p) => !p.startsWith('export') && p !== 'dossier.sqlite' && !p.startsWith('dossier.sqlite-'));
    expect(outside).toEqual([]);

    const notesDir = join(folder, 'notes');
    const files = readdirSync(notesDir);
    expect(files).toHaveLength(HOSTILE_TITLES.length);
    expect(new Set(files.map(foldName)).size).toBe(files.length);
    const bodies = new Set<string>();
    for (const file of files) {
      expect(relative(realpathSync(folder), realpathSync(join(notesDir, file)))).toMatch(/^notes[/\\][^/\\]+$/);
      expect(utf8Length(file)).toBeLessThanOrEqual(200);
      bodies.add(/body \d+/.exec(readFileSync(join(notesDir, file), 'utf8'))![0]);
    }
    expect(bodies.size).toBe(HOSTILE_TITLES.length);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { makeTempDir } from '../../helpers/tempDir';
import { insertNote, paragraph, stateJson, text } from '../../helpers/exportFixtures';
import { runCli as run } from '../../helpers/runCli';

describe('dossier export / import (CLI)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const handle = openDatabase(db);
    insertNote(handle, 'First', stateJson(paragraph(text('alpha '), text('bold', 1))));
    insertNote(handle, 'Second', stateJson(paragraph(text('beta'))));
    handle.close();
  });
  afterEach(() => dir.cleanup());

  it('prints a note as Markdown, or writes it with --out', async () => {
    const printed = await run('export', 'note', '1', '--db', db);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: First\n[\s\S]*---\n\nalpha \*\*bold\*\*\n/);
    const file = dir.file('first.md');
    expect((await run('export', 'note', '1', '--out', file, '--db', db)).stdout).toBe(`Wrote ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout.slice(0, -1));
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nMy own addition.\n`);
    const refused = await run('export', 'note', '2', '--out', file, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/would be overwritten: first\.md \(edited since Dossier wrote it\)/);
    expect(readFileSync(file, 'utf8')).toContain('My own addition.');
    expect((await run('export', 'note', '2', '--out', file, '--overwrite', '--db', db)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('beta');
  });

  it('exports notes by id to a folder, and a project by name', async () => {
    const out = dir.file('folder');
    const result = await run('export', 'notes', '--ids', '1,2', '--out', out, '--obsidian', '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ notes: 2, sources: 0, written: 3 });
    expect(existsSync(`${out}/notes/First.md`) && existsSync(`${out}/index.md`)).toBe(true);
    expect((await run('export', 'project', 'Cartels', '--out', dir.file('p'), '--db', db)).stderr).toContain('There is no project "Cartels"');
    expect((await run('projects', 'create', 'Cartels', '--db', db)).code).toBe(0);
    expect((await run('projects', 'add', 'Cartels', 'note:2', '--db', db)).code).toBe(0);
    const project = await run('export', 'project', 'Cartels', '--out', dir.file('p'), '--db', db, '--json');
    expect(project.code, project.stderr).toBe(0);
    expect(JSON.parse(project.stdout)).toMatchObject({ notes: 1 });
    expect((await run('export', 'notes', '--ids', 'one', '--out', out, '--db', db)).code).toBe(2);
    expect((await run('export', 'note', '1', '--style', 'mla', '--db', db)).code).toBe(2);
  });

  it('archives the library and restores it into a new database', async () => {
    const archive = dir.file('lib.dossier-archive');
    const exported = await run('export', 'archive', '--out', archive, '--db', db);
    expect(exported.code).toBe(0);
    const restored = dir.file('restored.sqlite');
    const imported = await run('import', 'archive', archive, '--db', restored);
    expect(imported.stdout).toMatch(/^Imported 2 row\(s\)/);
    const shown = await run('export', 'note', '2', '--db', restored);
    expect(shown.stdout).toContain('beta');
    expect((await run('import', 'archive', archive, '--db', restored)).stderr).toContain('empty library');
  });
});

import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

const ESC = '\u001b';
/** Clear the screen; write "pwned" to the clipboard (OSC 52); a one-byte C1 CSI; bidi overrides that reorder what is read. */
const HOSTILE = `${ESC}[2J${ESC}]52;c;cHduZWQ=\u0007\u009b31m\u202eevil\u202c\u2066x\u2069\u200f\u061c\r`;
// What must never reach a terminal: C0 but newline and tab, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function page(): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<title>Harbor ledger ${HOSTILE} leak</title>
<meta name="author" content="Ann ${HOSTILE} Writer">
<meta property="og:site_name" content="Outlet ${HOSTILE} Daily">
</head><body><article><h1>Harbor ledger ${HOSTILE} leak</h1>
<p>The harbor ledger shows payments ${HOSTILE} to the dredging firm over three years, according to documents seen by reporters.</p>
<p>Officials did not answer questions about the harbor ledger and the dredging payments sent last week.</p>
</article></body></html>`;
}

describe('no clipped text reaches the terminal unescaped', () => {
  const dir = makeTempDir();
  const db = dir.file('cli.sqlite');
  beforeAll(async () => {
    writeFileSync(dir.file('hostile.html'), page(), 'utf8');
    expect((await run('projects', 'create', 'Harbor', '--db', db)).code).toBe(0);
    // A note saved before titles refused control characters must still list and show.
    expect((await run('notes', 'create', '--title', 'placeholder', '--db', db)).code).toBe(0);
    const core = openCore(db);
    core.ctx.db.prepare('UPDATE notes SET title = ? WHERE id = 1').run(`Old note ${HOSTILE}`);
    core.close();
  });
  afterAll(() => dir.cleanup());

  it('the clipped page really carries the hostile characters (so the checks below mean something)', async () => {
    const clipped = await run('clip', dir.file('hostile.html'), '--project', 'Harbor', '--db', db, '--json');
    expect(clipped.code, clipped.stderr).toBe(0);
    const [result] = JSON.parse(clipped.stdout) as { title: string }[];
    expect(result!.title).toContain(`${ESC}[2J`);
    expect(result!.title).toContain('\u202e');
  });

  const commands: [string, string[]][] = [
    ['clip', ['clip', 'HOSTILE_FILE']],
    ['clip --dry-run', ['clip', '--dry-run', 'HOSTILE_FILE']],
    ['search', ['search', 'harbor']],
    ['notes list', ['notes', 'list']],
    ['notes show', ['notes', 'show', '1']],
    ['projects show', ['projects', 'show', 'Harbor']],
    ['projects of', ['projects', 'of', 'article:1']],
    ['unknown command echo', ['notes', `frob${ESC}[2J`]],
  ];
  for (const [name, argv] of commands) {
    it(`${name}: no ESC, C1 or bidi control in stdout or stderr, text still there`, async () => {
      const result = await run(...argv.map((a) => (a === 'HOSTILE_FILE' ? dir.file('hostile.html') : a)), '--db', db);
      expect(result.stdout + result.stderr).not.toMatch(UNSAFE);
      if (name !== 'unknown command echo') expect(result.stdout).toMatch(/Harbor|Old note/);
    });
    it(`${name} --json: valid JSON with the same values, no raw control or bidi character`, async () => {
      if (name === 'unknown command echo') return;
      const result = await run(...argv.map((a) => (a === 'HOSTILE_FILE' ? dir.file('hostile.html') : a)), '--db', db, '--json');
      expect(result.stdout).not.toMatch(UNSAFE);
      expect(JSON.stringify(JSON.parse(result.stdout))).toMatch(/Harbor|Old note/);
    });
  }

  it('json escapes keep the values: the parsed title is the stored one', async () => {
    const result = await run('notes', 'list', '--json', '--db', db);
    expect((JSON.parse(result.stdout) as { title: string }[])[0]!.title).toBe(`Old note ${HOSTILE}`);
  });

  it('a new note title refuses control characters, as project names do', async () => {
    const refused = await run('notes', 'create', '--title', `Bad ${ESC}[2J`, '--db', db, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('control characters') } });
    expect((await run('notes', 'create', '--title', 'Fine – with ünïcode', '--db', db)).code).toBe(0);
  });
});

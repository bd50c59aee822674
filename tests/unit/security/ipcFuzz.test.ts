import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel } from '../../../shared/contract/channels';
import { ERROR_CODES } from '../../../shared/errors';
import { dispatch } from '../../../electron/core/dispatch';
import { editorJson, makeTestCore } from '../../helpers/core';
import { seededRandom } from '../../helpers/seededRandom';

/**
 * IPC fuzz: every contract channel (iterated from CHANNELS, so channels added
 * later are fuzzed too) gets PAYLOADS_PER_CHANNEL random and malformed payloads
 * through dispatch(), the function Electron IPC, the harness and the CLI all
 * call. Each result must be a typed error or a value valid against the
 * channel's output schema; no call may end in `internal` (an unexpected
 * exception); and a rejected call must leave every table byte-for-byte as it
 * was (content hash of all tables and user_version).
 */
const PAYLOADS_PER_CHANNEL = 1000;
// Printed after the run; rerun the same payloads with DOSSIER_FUZZ_SEED.
const SEED = Number(process.env.DOSSIER_FUZZ_SEED ?? Date.now() % 2 ** 31);


class PayloadMaker {
  constructor(
    private readonly random: () => number,
    private readonly sandboxDir: string,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  number(): number {
    return this.pick([0, -0, 1, 2, 3, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, this.int(10), this.random() * 1e6]);
  }

  string(): string {
    const d = this.sandboxDir;
    return this.pick([
      '',
      'a',
      '1',
      '{}',
      '[]',
      'null',
      '{"root":{"type":"root","children":[]}}',
      editorJson('fuzz'),
      '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":5}]}]}}',
      `{"root":${'{"type":"x","children":['.repeat(2000)}`,
      '\u0000',
      '\ud800',
      '\udfff\ud800',
      'e\u0301\u202e\u200b',
      '<script>alert(1)</script>',
      "'; DROP TABLE notes; --",
      '../../../../etc/passwd',
      '\\\\server\\share\\x.sqlite',
      'C:\\Windows\\x.db',
      `${d}/fuzz-${this.int(1e9)}.sqlite`,
      `${d}/nested/../escape-${this.int(1e9)}.sqlite`,
      `${d}/missing/dir/x.sqlite`,
      `${d}/not-a-db.db`,
      '/dev/null',
      '/proc/self/environ',
      'x'.repeat(600),
      'x'.repeat(70_000),
      String.fromCharCode(...Array.from({ length: 40 }, () => this.int(0xffff))),
    ]);
  }

  value(depth = 0): unknown {
    const kind = this.int(depth > 3 ? 6 : 10);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return this.random() < 0.5;
      case 3:
      case 4:
        return this.number();
      case 5:
        return this.string();
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.key(), this.value(depth + 1)]));
      case 8:
        return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
      default:
        return { id: this.value(depth + 1) };
    }
  }

  key(): string {
    return this.pick(['id', 'title', 'contentJson', 'file', 'out', 'x', '__proto__', 'constructor', 'toString', '', ' id']);
  }

  /** Half the payloads start from the channel's own keys, so they get past the first checks and reach handlers. */
  payloadFor(channel: Channel): unknown {
    if (this.random() < 0.4) return this.value();
    const shape = shapeKeys(contract[channel].input);
    const payload: Record<string, unknown> = {};
    for (const key of shape) {
      const roll = this.random();
      if (roll < 0.15) continue;
      payload[key] = roll < 0.5 ? this.nearValid(key) : this.value(1);
    }
    if (this.random() < 0.15) payload[this.key()] = this.value(1);
    return payload;
  }

  nearValid(key: string): unknown {
    if (key === 'id') return this.pick([1, 2, 3, 4, 5, 6, 999, 2 ** 53 - 1]);
    if (key === 'title') return this.pick(['', 'Fuzzed', ' padded ', '\u202eevil', 'x'.repeat(500)]);
    if (key === 'contentJson') return this.pick([editorJson(`fuzz ${this.int(100)}`), '{"root":{"type":"root","children":[]}}', this.string()]);
    return this.string();
  }
}

function shapeKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function tablesHash(db: ReturnType<typeof makeTestCore>['ctx']['db']): string {
  const hash = createHash('sha256');
  hash.update(String(db.pragma('user_version', { simple: true })));
  // Virtual (full-text) tables are covered by their shadow tables; rows are sorted in JS because some tables have no rowid.
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all() as Array<{ name: string }>;
  for (const { name } of tables) {
    hash.update(name);
    const rows = (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
    for (const row of rows.sort()) hash.update(row);
  }
  return hash.digest('hex');
}

const ErrorResult = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().min(1) }),
});

describe('IPC fuzz', () => {
  // Each channel gets a fresh library (three notes): what one channel's accepted payloads
  // stored must not slow down or colour the next channel's run.
  let core: ReturnType<typeof makeTestCore>;
  const figures: string[] = [];
  let crashes = 0;
  // A path that is absolute only on another platform (C:\\x.db on Linux) must be refused,
  // never resolved against the working directory and written there.
  const workingDirBefore = readdirSync(process.cwd()).sort();
  const onCrash = (): void => void (crashes += 1);

  beforeAll(() => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
  });
  beforeEach(async () => {
    core = makeTestCore();
    // Paths the fuzzer generates stay inside the test's own temp dir (".." included).
    mkdirSync(`${core.dir.path}/nested`);
    for (const title of ['alpha', 'beta', 'gamma']) {
      const note = (await dispatch(core.handlers, 'notes.create', { title })) as { value: { id: number } };
      await dispatch(core.handlers, 'notes.save', { id: note.value.id, contentJson: editorJson(`${title} text`) });
    }
  });
  afterEach(() => core.close());
  afterAll(() => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    expect(readdirSync(process.cwd()).sort(), 'the fuzz wrote files into the working directory').toEqual(workingDirBefore);
    console.log(`[ipc fuzz] seed ${SEED}; ${CHANNELS.length} channels × ${PAYLOADS_PER_CHANNEL} payloads\n  ${figures.join('\n  ')}`);
  });

  it.each(CHANNELS)('%s: 1,000 random payloads, typed answers only, rejected calls change nothing', async (channel) => {
    const maker = new PayloadMaker(seededRandom(SEED ^ hashOf(channel)), core.dir.path);
    const codes = new Map<string, number>();
    let accepted = 0;
    let before = tablesHash(core.ctx.db);
    for (let i = 0; i < PAYLOADS_PER_CHANNEL; i += 1) {
      const payload = maker.payloadFor(channel);
      const result = await dispatch(core.handlers, channel, payload, { logError: () => undefined });
      if (result.ok) {
        accepted += 1;
        const valid = contract[channel].output.safeParse(result.value);
        expect(valid.success, `${channel} returned output outside its schema for ${safeJson(payload)}`).toBe(true);
        before = tablesHash(core.ctx.db);
        continue;
      }
      expect(ErrorResult.safeParse(result).success, `malformed error for ${safeJson(payload)}: ${safeJson(result)}`).toBe(true);
      expect(result.error.code, `unexpected exception for ${safeJson(payload)}: ${result.error.message}`).not.toBe('internal');
      codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      const after = tablesHash(core.ctx.db);
      expect(after, `${channel} changed the database while rejecting ${safeJson(payload)}`).toBe(before);
    }
    expect(crashes).toBe(0);
    figures.push(`${channel}: ${accepted} accepted, rejected ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
  }, 120_000);
});

function hashOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function safeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

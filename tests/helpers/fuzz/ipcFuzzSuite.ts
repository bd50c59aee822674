import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel } from '../../../shared/contract/channels';
import { ERROR_CODES } from '../../../shared/errors';
import { dispatch } from '../../../electron/core/dispatch';
import type { Db } from '../../../db/connection';
import { callOk, editorJson, makeTestCore } from '../core';
import { seededRandom } from '../seededRandom';
import { makeTempDir } from '../tempDir';
import { PayloadMaker, type PayloadOrigin } from './payloads';

/**
 * IPC fuzz over every contract channel (iterated from CHANNELS, so channels added later are
 * fuzzed too), through dispatch() — the function Electron IPC, the harness and the CLI all call.
 * Each result must be a typed error or a value valid against the channel's output schema; no
 * call may end in `internal` (an unexpected exception); a rejected call must leave every table
 * as it was. Payloads are mutated valid inputs (./payloads.ts), and the run reports per channel
 * how many reached the handler: every channel must be reached.
 *
 * `npm test` runs a few hundred payloads per channel; `npm run test:durability` runs 1,000.
 */
export function fuzzEveryChannel(payloadsPerChannel: number): void {
  // Printed after the run; rerun the same payloads with DOSSIER_FUZZ_SEED.
  const seed = Number(process.env.DOSSIER_FUZZ_SEED ?? Date.now() % 2 ** 31);
  const ARTICLE_TEXT = 'The harbour authority approved the dredging plan on Monday after a long hearing.';

  describe(`IPC fuzz (${payloadsPerChannel} payloads per channel)`, () => {
    // Each channel gets a fresh library: what one channel's accepted payloads stored must not colour the next channel's run.
    let core: ReturnType<typeof makeTestCore>;
    const reach: Array<{ channel: Channel; reached: number; accepted: number; codes: string }> = [];
    let crashes = 0;
    // A path absolute only on another platform (C:\x.db on Linux) must be refused, never written into the working directory.
    const workingDirBefore = readdirSync(process.cwd()).sort();
    const onCrash = (): void => void (crashes += 1);

    beforeAll(() => {
      process.on('uncaughtException', onCrash);
      process.on('unhandledRejection', onCrash);
    });
    // One library, built once through the real channels (a clipped article with its original bytes, a passage quoted
    // into a note, a project, a tag), copied for each channel so every run starts from the same rows.
    let template: ReturnType<typeof makeTempDir> | undefined;
    beforeAll(async () => {
      const seeded = makeTestCore();
      for (const title of ['alpha', 'beta', 'gamma']) {
        const note = await callOk<{ id: number }>(seeded, 'notes.create', { title });
        await callOk(seeded, 'notes.save', { id: note.id, contentJson: editorJson(`${title} text`) });
      }
      const clipped = await callOk<{ results: Array<{ articleId: number }> }>(seeded, 'clip.save', {
        inputs: [{ kind: 'paste', format: 'html', content: `<article><h1>Harbour dredging approved</h1><p>${ARTICLE_TEXT}</p></article>` }],
      });
      const articleId = clipped.results[0]!.articleId;
      const passage = await callOk<{ id: number }>(seeded, 'passages.find', { articleId, text: 'approved the dredging plan' });
      await callOk(seeded, 'passages.quoteIntoNote', { passageId: passage.id, noteId: 1 });
      const project = await callOk<{ id: number }>(seeded, 'projects.create', { name: 'Fuzz project' });
      await callOk(seeded, 'projects.addItems', { projectId: project.id, items: [{ type: 'article', id: articleId }, { type: 'note', id: 1 }] });
      await callOk(seeded, 'tags.add', { name: 'fuzz', items: [{ type: 'article', id: articleId }] });
      template = makeTempDir('dossier-fuzz-template-');
      await seeded.ctx.db.backup(template.file('dossier.sqlite'));
      seeded.close();
    }, 60_000);
    beforeEach(() => {
      core = makeTestCore(undefined, undefined, template!.file('dossier.sqlite'));
      mkdirSync(`${core.dir.path}/nested`);
      writeFileSync(`${core.dir.path}/not-a-db.db`, 'not a database');
    });
    afterEach(() => core.close());
    afterAll(() => {
      template?.cleanup();
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      expect(readdirSync(process.cwd()).sort(), 'the fuzz wrote files into the working directory').toEqual(workingDirBefore);
      const rows = reach.map((r) => `  ${r.channel.padEnd(30)} ${String(r.reached).padStart(5)} ${String(r.accepted).padStart(8)}   ${r.codes}`);
      console.log(
        `[ipc fuzz] seed ${seed}; ${CHANNELS.length} channels × ${payloadsPerChannel} payloads; ` +
          `${reach.filter((r) => r.reached > 0).length} channels reached\n` +
          `  ${'channel'.padEnd(30)} reached accepted   rejected by the handler\n${rows.join('\n')}`,
      );
    });

    it.each(CHANNELS)('%s: typed answers only, rejected calls change nothing, and the handler is reached', async (channel) => {
      const world = {
        random: seededRandom(seed ^ hashOf(channel)),
        ids: [1, 2, 3, 4, 5],
        names: ['Fuzz project', 'fuzz'],
        text: ARTICLE_TEXT,
        sandboxDir: core.dir.path,
      };
      const maker = new PayloadMaker(contract[channel].input, world);
      const codes = new Map<string, number>();
      let reached = 0;
      let accepted = 0;
      let db = core.ctx.db;
      let before = tablesHash(db);
      let changes = totalChanges(db);
      for (let i = 0; i < payloadsPerChannel; i += 1) {
        const { payload, origin } = maker.next();
        if (contract[channel].input.safeParse(payload).success) reached += 1;
        const result = await dispatch(core.handlers, channel, payload, { logError: () => undefined });
        if (result.ok) {
          accepted += 1;
          const valid = contract[channel].output.safeParse(result.value);
          expect(valid.success, `${channel} returned output outside its schema for ${describePayload(payload, origin)}`).toBe(true);
        } else {
          expect(ErrorResult.safeParse(result).success, `malformed error for ${describePayload(payload, origin)}: ${safeJson(result)}`).toBe(true);
          expect(result.error.code, `unexpected exception for ${describePayload(payload, origin)}: ${result.error.message}`).not.toBe('internal');
          if (result.error.code !== 'invalid_input') codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
        }
        // Cheap check first: no row written through the connection (total_changes counts even rolled-back writes) and the
        // same connection. Only then is the full content hash needed to prove a rejected call left every table as it was.
        const sameConnection = core.ctx.db === db && totalChanges(db) === changes;
        if (result.ok) {
          if (!sameConnection) [db, before, changes] = [core.ctx.db, tablesHash(core.ctx.db), totalChanges(core.ctx.db)];
        } else if (!sameConnection) {
          expect(tablesHash(core.ctx.db), `${channel} changed the database while rejecting ${describePayload(payload, origin)}`).toBe(before);
          [db, changes] = [core.ctx.db, totalChanges(core.ctx.db)];
        }
      }
      expect(crashes).toBe(0);
      reach.push({ channel, reached, accepted, codes: [...codes].map(([c, n]) => `${c} ${n}`).join(', ') });
      expect(reached, `no payload of ${channel} got past its schema: the fuzz never ran its handler`).toBeGreaterThan(0);
    }, 120_000);
  });
}

const ErrorResult = z.strictObject({
  ok: z.literal(false),
  error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().min(1) }),
});

function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function tablesHash(db: Db): string {
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

function hashOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function describePayload(payload: unknown, origin: PayloadOrigin): string {
  return `${origin} payload ${safeJson(payload)}`;
}

function safeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

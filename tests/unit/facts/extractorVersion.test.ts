// The facts extractor's version (issue #13, migration 013): each run stores it, the backfill redoes runs made by an
// older extractor, and the extractor's output is pinned to its version number so a change in what it finds cannot
// land without the bump that makes existing libraries re-extract.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, registerSqlFunctions } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { extractFacts } from '../../../electron/core/facts/extract';
import { FACTS_EXTRACTOR_VERSION } from '../../../electron/core/facts/version';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { backfillFinished, startFactsBackfill } from '../../../electron/core/services/factsBackfill';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';
import { HAVE_ATTRIBUTION_FIXTURES, NO_ATTRIBUTION_FIXTURES_REASON, loadAttributionCorpus } from '../../helpers/facts/attributionCorpus';

const figureOf = (text: string, unit: string): ExtractedFacts => {
  const m = /\d+/.exec(text)!;
  return { quotes: [], entities: [], dates: [], figures: [{ text: m[0], start: m.index, end: m.index + m[0].length, value: Number(m[0]), unit, qualifier: null }] };
};

describe('facts extractor version', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  const runs = () => core.ctx.db.prepare('SELECT extractor_version AS v, count(*) AS n FROM fact_runs GROUP BY v ORDER BY v').all();
  const units = () => core.ctx.db.prepare(`SELECT DISTINCT unit FROM facts WHERE kind = 'figure'`).all();

  it('the backfill re-extracts runs made by an older extractor, stores its own version, and then finds nothing left', async () => {
    importPlainTextArticles(core.ctx, [1, 2, 3].map((i) => ({ title: `Harbour ${i}`, text: `Inspectors counted ${i * 10} vessels at the quay.` })));
    startFactsBackfill(core.ctx, { extractorVersion: 1, extractor: async (text) => figureOf(text, 'old-unit') });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', total: 3, done: 3 });
    expect(runs()).toEqual([{ v: 1, n: 3 }]);

    // The same extractor again: nothing to do.
    startFactsBackfill(core.ctx, { extractorVersion: 1, extractor: async () => { throw new Error('must not run'); } });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', total: 0, done: 0 });

    // A newer extractor: every run is redone and its facts replace the old ones.
    startFactsBackfill(core.ctx, { extractorVersion: 2, extractor: async (text) => figureOf(text, 'new-unit') });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', total: 3, done: 3, failed: 0 });
    expect(runs()).toEqual([{ v: 2, n: 3 }]);
    expect(units()).toEqual([{ unit: 'new-unit' }]);

    startFactsBackfill(core.ctx, { extractorVersion: 2, extractor: async () => { throw new Error('must not run'); } });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', total: 0, done: 0 });
  });

  it('by default the backfill and every stored run use FACTS_EXTRACTOR_VERSION', async () => {
    importPlainTextArticles(core.ctx, [{ title: 'Quay', text: 'Inspectors counted 12 vessels at the quay.' }]);
    startFactsBackfill(core.ctx, { extractor: async (text) => figureOf(text, 'vessels') });
    await backfillFinished(core.ctx);
    expect(runs()).toEqual([{ v: FACTS_EXTRACTOR_VERSION, n: 1 }]);
  });
});

describe('migration 013', () => {
  it('marks every run stored before it as made by extractor 1', () => {
    const dir = makeTempDir();
    const db = openConnection(dir.file('old.sqlite'));
    registerSqlFunctions(db);
    try {
      migrate(db, MIGRATIONS.slice(0, 11));
      // A run from before 013, written without the article rows it points at (foreign keys off for this line only).
      db.pragma('foreign_keys = OFF');
      db.prepare(`INSERT INTO fact_runs (version_id, article_id, extracted_at, quotes, entities, figures, dates) VALUES (7, 3, '2026-01-01T00:00:00Z', 0, 0, 0, 0)`).run();
      migrate(db, MIGRATIONS);
      expect(db.prepare('SELECT extractor_version AS v FROM fact_runs WHERE version_id = 7').get()).toEqual({ v: 1 });
      expect(() => db.prepare(`UPDATE fact_runs SET extractor_version = 0`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
      dir.cleanup();
    }
  });
});

// Texts covering every rule; the digest of what the extractor finds in them is recorded with the version it belongs to.
const SAMPLE = [
  'Secretary of State Marco Rubio said: “We are facing a foreign-backed regime.” He added that more than thirty strikes had been carried out since September 2, 2025.',
  '“We cannot have people deny the right to question them,” Rep. John Mica (R-Fla.) said sarcastically. “If you continue, you destroy the whole basis.”',
  '“He represents our greatest shame.” ― Sonya Herridge\n“How many times do we have to see this?” Clinton said. “This is just unbearable.”',
  '“He is absolutely right,” Flynn, a retired general, said Thursday.\nRucker Culpepper, who runs the veterans effort, said, “He is unfit.”',
  'Donald Trump is telling a veterans group that the military is depleted. He’s claiming that voting fraud is a big problem. Everything Trump says is a lie.',
  'Don Fowler said the politics would be more intense, and he noted that any change would come later. Officials said over 110 people died and $4.2 million was lost, about 12% of the budget.',
  'During a speech in October, Trump attacked Clinton over Iraq, saying, “She is trigger-happy.” According to sources close to the military, 15,000 troops were sent last week.',
  'President Nicolás Maduro denounced the strikes as “international piracy.” The Tren de Aragua gang operates in Venezuela, a directive from August 2025 says.',
  'Mook told CBS, “We’re focused.” Maria Lopez urges her husband to stay and repeatedly says, “Don’t you do it.”\n”Fear. I am afraid.” ― Edwin Monroy\nSaid Ellis: “Not interested.” “Did you shoot him?” she yells. Trump accused Holt of being a Democrat on Monday.',
];

function digest(texts: string[], publishedAt: string): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(JSON.stringify(extractFacts(text, { publishedAt })));
  return hash.digest('hex').slice(0, 16);
}

// Update these together with FACTS_EXTRACTOR_VERSION, never alone: a new digest at the same version would leave
// libraries with facts from the old rules that the backfill never redoes.
const PINNED = { version: 2, sample: '9edd6ee101807a8e', polnear: '8911592e1e004955' };

describe('extractor output pinned to its version', () => {
  it('the hand-written sample gives the facts recorded for this version', () => {
    expect({ version: FACTS_EXTRACTOR_VERSION, sample: digest(SAMPLE, '2025-12-10') }).toEqual({ version: PINNED.version, sample: PINNED.sample });
  });

  it.skipIf(!HAVE_ATTRIBUTION_FIXTURES)(`the 84 annotated articles give the facts recorded for this version${HAVE_ATTRIBUTION_FIXTURES ? '' : ` (${NO_ATTRIBUTION_FIXTURES_REASON})`}`, () => {
    const texts = loadAttributionCorpus().map((a) => a.text);
    expect({ version: FACTS_EXTRACTOR_VERSION, polnear: digest(texts, '2016-10-01') }).toEqual({ version: PINNED.version, polnear: PINNED.polnear });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle, getVersionContent } from '../../../db/repositories/articles';
import { openCore, type Core } from '../../../electron/core/openCore';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { storeVersionFacts } from '../../../electron/core/services/facts';
import { figureRange } from '../../../electron/core/services/factsViews';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { FigureConflict, SpeakerQuotes, TimelineEntry } from '../../../shared/domain/storedFacts';
import { unitKey } from '../../../shared/facts/keys';
import { callOk } from '../../helpers/core';
import { runCli } from '../../helpers/runCli';
import { makeTempDir } from '../../helpers/tempDir';

/** Project views over hand-made facts of two sources (the extractor is not under test here). */
const WIRE = 'Secretary Marco Rubio said "we are facing a narco-terror regime" on Monday. The first strike came on September 2, 2025. Over 110 deaths have been reported.';
const OUTLET = 'Rubio told reporters "the campaign will continue". An official said 83 deaths were confirmed. The directive dates from August 2025.';

function at(text: string, words: string) {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(words);
  return { start, end: start + words.length };
}

function wireFacts(): ExtractedFacts {
  return {
    quotes: [{ text: 'we are facing a narco-terror regime', ...at(WIRE, 'we are facing a narco-terror regime'), source: 'Secretary Marco Rubio', speaker: 'Marco Rubio', cue: 'said', anonymous: false }],
    entities: [{ name: 'Marco Rubio', type: 'person', aliases: ['Rubio'], mentions: [at(WIRE, 'Marco Rubio')] }],
    figures: [{ text: 'Over 110 deaths', ...at(WIRE, 'Over 110 deaths'), value: 110, unit: 'deaths', qualifier: 'over' }],
    dates: [{ text: 'September 2, 2025', ...at(WIRE, 'September 2, 2025'), iso: '2025-09-02', precision: 'day' }],
  };
}

function outletFacts(): ExtractedFacts {
  return {
    quotes: [
      { text: 'the campaign will continue', ...at(OUTLET, 'the campaign will continue'), source: 'Rubio', speaker: 'marco  rubio', cue: 'told reporters', anonymous: false },
      { text: '83 deaths were confirmed', ...at(OUTLET, '83 deaths were confirmed'), source: 'An official', speaker: null, cue: 'said', anonymous: true },
    ],
    entities: [],
    figures: [{ text: '83 deaths', ...at(OUTLET, '83 deaths'), value: 83, unit: 'death', qualifier: null }],
    dates: [{ text: 'August 2025', ...at(OUTLET, 'August 2025'), iso: '2025-08', precision: 'month' }],
  };
}

describe('project facts: who said what, timeline, conflicts, export, CLI', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let db: string;
  beforeEach(async () => {
    dir = makeTempDir();
    db = dir.file('facts.sqlite');
    core = openCore(db);
    const [wire, outlet] = importPlainTextArticles(core.ctx, [
      { title: 'Strikes go on', text: WIRE, siteName: 'Example Wire', publishedAt: '2025-12-10', canonicalUrl: 'https://wire.example/strikes' },
      { title: 'Toll disputed', text: OUTLET, siteName: 'Other Outlet', publishedAt: '2025-12-02', canonicalUrl: 'https://outlet.example/toll' },
    ]).results;
    for (const [result, facts] of [[wire!, wireFacts()], [outlet!, outletFacts()]] as const) {
      const versionId = getArticle(core.ctx.db, result.articleId!)!.latestVersionId;
      storeVersionFacts(core.ctx.db, { versionId, text: getVersionContent(core.ctx.db, versionId)!.text, facts, now: core.ctx.now() });
    }
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Venezuela strikes' });
    await callOk(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'article', id: wire!.articleId }, { type: 'article', id: outlet!.articleId }] });
  });
  afterEach(() => {
    core.close();
    dir.cleanup();
  });

  it('groups one speaker across sources, each quote cited with a text-fragment link; unnamed sources apart', async () => {
    const speakers = await callOk<SpeakerQuotes[]>(core, 'facts.speakers', { project: 'Venezuela strikes' });
    expect(speakers.map((s) => [s.speaker, s.anonymous, s.quotes.length])).toEqual([
      ['Marco Rubio', false, 2],
      ['Unnamed sources', true, 1],
    ]);
    const [rubio] = speakers;
    expect(rubio!.quotes.map((q) => q.from.siteName).sort()).toEqual(['Example Wire', 'Other Outlet']);
    const wireQuote = rubio!.quotes.find((q) => q.from.siteName === 'Example Wire')!;
    expect(wireQuote.citation).toContain('“Strikes go on,” Example Wire, 10 Dec 2025');
    expect(wireQuote.citation).toContain('https://wire.example/strikes#:~:text=');
  });

  it('orders the timeline by the date the event happened, across sources', async () => {
    const timeline = await callOk<TimelineEntry[]>(core, 'facts.timeline', { project: 'Venezuela strikes' });
    expect(timeline.map((t) => [t.iso, t.from.siteName])).toEqual([
      ['2025-08', 'Other Outlet'],
      ['2025-09-02', 'Example Wire'],
    ]);
    expect(timeline[1]!.context).toBe('The first strike came on September 2, 2025.');
  });

  it('shows a figure conflict: same unit lemma, ranges that do not overlap after their qualifiers', async () => {
    const conflicts = await callOk<FigureConflict[]>(core, 'facts.conflicts', { project: 'Venezuela strikes' });
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.unit).toBe('death');
    expect(conflicts[0]!.summary).toBe('deaths: over 110 (Example Wire, 10 Dec 2025) vs 83 (Other Outlet, 2 Dec 2025)');
  });

  it('qualifier tolerance and unit lemmas, the rule "same thing" rests on', () => {
    expect(unitKey('Deaths')).toBe('death');
    expect(unitKey('casualties')).toBe('casualty');
    expect(unitKey('%')).toBe('percent');
    expect(figureRange(110, 'over')).toEqual([110, Infinity]);
    expect(figureRange(100, 'about')).toEqual([90, expect.closeTo(110, 6)]);
    expect(figureRange(83, null)).toEqual([83, 83]);
  });

  it('exports the facts as Markdown and CSV, each row cited', async () => {
    const md = await callOk<{ filename: string; text: string }>(core, 'facts.exportProject', { project: 'Venezuela strikes', format: 'markdown' });
    expect(md.filename).toBe('Venezuela strikes facts.md');
    expect(md.text).toContain('## Who said what');
    expect(md.text).toContain('### Marco Rubio');
    expect(md.text).toMatch(/- \*\*2025-08\*\* — The directive dates from August 2025\. — /);
    const csv = await callOk<{ text: string }>(core, 'facts.exportProject', { project: 'Venezuela strikes', format: 'csv' });
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('type,speaker,date,text,context,source,outlet,published,citation');
    expect(lines).toHaveLength(1 + 3 + 2);
    expect(lines.every((l, i) => i === 0 || /#:~:text=/.test(l))).toBe(true);
  });

  it('dossier facts --project … --timeline/--speakers/--conflicts --json, and ARTICLE_ID --json', async () => {
    core.close();
    const timeline = await runCli('facts', '--project', 'Venezuela strikes', '--timeline', '--json', '--db', db);
    expect(timeline.code, timeline.stderr).toBe(0);
    expect(JSON.parse(timeline.stdout).map((t: TimelineEntry) => t.iso)).toEqual(['2025-08', '2025-09-02']);
    const speakers = await runCli('facts', '--project', 'Venezuela strikes', '--speakers', '--json', '--db', db);
    expect(JSON.parse(speakers.stdout)[0].speaker).toBe('Marco Rubio');
    const conflicts = await runCli('facts', '--project', 'Venezuela strikes', '--conflicts', '--db', db);
    expect(conflicts.stdout).toContain('deaths: over 110 (Example Wire');
    const article = await runCli('facts', '1', '--json', '--db', db);
    expect(article.code, article.stderr).toBe(0);
    const stored = JSON.parse(article.stdout);
    expect(Object.keys(stored.quotes[0])).toEqual(expect.arrayContaining(['text', 'source', 'speaker', 'cue', 'anonymous', 'start', 'end', 'anchor']));
    expect(stored.figures[0]).toMatchObject({ text: 'Over 110 deaths', value: 110, unit: 'deaths', qualifier: 'over', anchor: { status: 'ok' } });
    const both = await runCli('facts', '1', '--project', 'x', '--timeline', '--db', db);
    expect(both).toMatchObject({ code: 2 });
    const noView = await runCli('facts', '--project', 'Venezuela strikes', '--db', db);
    expect(noView.stderr).toContain('--timeline, --speakers or --conflicts');
    const missing = await runCli('facts', '--project', 'Nope', '--timeline', '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('There is no project "Nope"');
    core = openCore(db);
  });
});

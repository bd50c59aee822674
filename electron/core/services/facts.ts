import type { Db } from '../../../db/connection';
import * as articles from '../../../db/repositories/articles';
import * as factsRepo from '../../../db/repositories/facts';
import { anchor, describe, newTextRegions, type PassageSelectors } from '../../../shared/anchoring';
import type { ExtractedFacts, TextSpan } from '../../../shared/domain/facts';
import type { ArticleFacts } from '../../../shared/domain/storedFacts';
import { DossierError } from '../../../shared/errors';
import { nameKey, unitKey } from '../../../shared/facts/keys';
import type { CoreContext } from '../context';
import { FACTS_EXTRACTOR_VERSION } from '../facts/version';
import { quoteIntoNote } from './noteQuotes';
import { createPassage } from './passages';

/**
 * Storing the facts extracted from an article version, anchoring them like
 * passages, and reading them back. The extraction itself runs on the worker
 * pool (clip time: the finish job; existing libraries: services/factsBackfill.ts);
 * this module only validates and stores what it returns, so a test can hand it
 * facts written by hand.
 */

/** Short fields are capped: an extractor bug must not store a whole article as a "cue". */
const MAX_FIELD = 500;

function cap(value: string): string {
  return value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value;
}

function selectorsFor(text: string, span: TextSpan): PassageSelectors | null {
  try {
    return describe(text, span.start, span.end);
  } catch {
    // Offsets outside the text or splitting a character: the fact cannot be anchored, so it is not stored.
    return null;
  }
}

export interface PreparedFacts {
  spans: factsRepo.NewSpanFact[];
  entities: factsRepo.NewEntity[];
  counts: factsRepo.FactRunCounts;
}

/** Validates an extraction against the version's text; facts whose offsets do not fit it are dropped and counted. */
export function prepareFacts(text: string, facts: ExtractedFacts): PreparedFacts {
  const spans: factsRepo.NewSpanFact[] = [];
  let dropped = 0;
  const valid = (span: TextSpan) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end;
  facts.quotes.forEach((q, ordinal) => {
    const selectors = valid(q) ? selectorsFor(text, q) : null;
    if (!selectors || typeof q.source !== 'string' || typeof q.cue !== 'string') return void dropped++;
    const sourceSpan = q.sourceSpan && valid(q.sourceSpan) ? q.sourceSpan : null;
    const speaker = q.speaker && q.speaker.trim() !== '' ? cap(q.speaker.trim()) : null;
    spans.push({
      kind: 'quote',
      ordinal,
      text: typeof q.text === 'string' && q.text !== '' ? q.text : selectors.quote.exact,
      selectors,
      quote: { source: cap(q.source), speaker, speakerKey: speaker ? nameKey(speaker) : null, cue: cap(q.cue), anonymous: q.anonymous === true, kind: q.kind ?? null, sourceStart: sourceSpan?.start ?? null, sourceEnd: sourceSpan?.end ?? null },
    });
  });
  facts.figures.forEach((f, ordinal) => {
    const selectors = valid(f) ? selectorsFor(text, f) : null;
    if (!selectors || !Number.isFinite(f.value) || typeof f.unit !== 'string') return void dropped++;
    spans.push({ kind: 'figure', ordinal, text: f.text || selectors.quote.exact, selectors, figure: { value: f.value, unit: cap(f.unit), unitKey: unitKey(f.unit), qualifier: f.qualifier ? cap(f.qualifier) : null } });
  });
  facts.dates.forEach((d, ordinal) => {
    const selectors = valid(d) ? selectorsFor(text, d) : null;
    const precisionOk = d.precision === 'day' || d.precision === 'month' || d.precision === 'year';
    if (!selectors || !precisionOk || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.iso)) return void dropped++;
    spans.push({ kind: 'date', ordinal, text: d.text || selectors.quote.exact, selectors, date: { iso: d.iso, precision: d.precision } });
  });
  const entities: factsRepo.NewEntity[] = [];
  facts.entities.forEach((e, ordinal) => {
    if (typeof e.name !== 'string' || e.name.trim() === '' || !['person', 'org', 'place'].includes(e.type)) return void dropped++;
    entities.push({
      ordinal,
      name: cap(e.name.trim()),
      nameKey: nameKey(e.name),
      type: e.type,
      aliases: (e.aliases ?? []).filter((a) => typeof a === 'string' && a.trim() !== '').map(cap),
      mentions: (e.mentions ?? []).filter(valid),
    });
  });
  const count = (kind: factsRepo.FactKind) => spans.filter((s) => s.kind === kind).length;
  return { spans, entities, counts: { quotes: count('quote'), entities: entities.length, figures: count('figure'), dates: count('date'), dropped } };
}

/**
 * Stores a version's facts (replacing any earlier run on it) and, when the
 * version is its article's latest, re-anchors the facts of the older versions
 * onto it. Runs inside the caller's transaction (the clip's, or the backfill's
 * chunk), or its own.
 */
export function storeVersionFacts(db: Db, input: { versionId: number; text: string; facts: ExtractedFacts; now: string; error?: string | null; extractorVersion?: number }): PreparedFacts {
  return db.transaction(() => {
    const content = articles.getVersionContent(db, input.versionId);
    if (!content) throw new DossierError('not_found', `Article version ${input.versionId} does not exist.`);
    const prepared = prepareFacts(input.text, input.facts);
    factsRepo.replaceVersionFacts(db, { articleId: content.articleId, versionId: input.versionId, anchorVersionId: input.versionId, ...prepared, error: input.error ?? null, now: input.now, extractorVersion: input.extractorVersion ?? FACTS_EXTRACTOR_VERSION });
    // Every other version's facts are anchored on the latest (this one, or a newer one for an older version's run).
    const latest = articles.latestVersionOf(db, content.articleId);
    reanchorFacts(db, content.articleId, latest?.id ?? input.versionId);
    return prepared;
  })();
}

function rowSelectors(row: factsRepo.FactRow): PassageSelectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { type: 'TextPositionSelector', start: row.start_offset, end: row.end_offset },
  };
}

/**
 * Re-anchors the facts of an article's older versions on its new version, the
 * way passages follow a re-clip (services/passages.ts reanchorArticle): each
 * searched with its own selectors, the last-resort search limited to text new
 * since the version it was found on. The clip calls it in its transaction.
 */
export function reanchorFacts(db: Db, articleId: number, newVersionId: number): { ok: number; changed: number; orphan: number } {
  const counts = { ok: 0, changed: 0, orphan: 0 };
  const target = articles.getVersionContent(db, newVersionId);
  if (!target) throw new DossierError('not_found', `Article version ${newVersionId} does not exist.`);
  const regionsByVersion = new Map<number, Array<[number, number]>>();
  for (const row of factsRepo.factsOfOtherVersions(db, articleId, newVersionId)) {
    if (!regionsByVersion.has(row.version_id)) regionsByVersion.set(row.version_id, newTextRegions(articles.getVersionContent(db, row.version_id)!.text, target.text));
    const result = anchor(rowSelectors(row), target.text, { hint: row.anchor_start ?? row.start_offset, searchRegions: regionsByVersion.get(row.version_id) });
    factsRepo.updateFactAnchor(db, row.id, newVersionId, result);
    counts[result.status] += 1;
  }
  return counts;
}

/**
 * The stored facts of an article version (default: the latest), with the
 * facts of earlier versions that did not survive the re-clip unchanged.
 */
export function articleFacts(ctx: CoreContext, articleId: number, versionId?: number): ArticleFacts {
  const article = articles.getArticle(ctx.db, articleId);
  if (!article) throw new DossierError('not_found', `Article ${articleId} does not exist (it may have been deleted).`);
  const vid = versionId ?? article.latestVersionId;
  const content = articles.getVersionContent(ctx.db, vid);
  if (!content || content.articleId !== articleId) throw new DossierError('not_found', `Version ${vid} is not a version of article ${articleId}.`);
  const rows = factsRepo.factsOfVersion(ctx.db, vid);
  const run = factsRepo.factRun(ctx.db, vid);
  const earlier = vid === article.latestVersionId ? factsRepo.factsOfOtherVersions(ctx.db, articleId, vid).filter((r) => r.anchor_status !== 'ok') : [];
  return {
    articleId,
    versionId: vid,
    extractedAt: run?.extractedAt ?? null,
    quotes: rows.filter((r) => r.kind === 'quote').map(factsRepo.toQuote),
    entities: factsRepo.entitiesOfVersion(ctx.db, vid),
    figures: rows.filter((r) => r.kind === 'figure').map(factsRepo.toFigure),
    dates: rows.filter((r) => r.kind === 'date').map(factsRepo.toDate),
    earlier: earlier.map((r) => ({ kind: r.kind, id: r.id, versionId: r.version_id, text: r.text, anchor: { versionId: r.anchor_version_id, start: r.anchor_start, end: r.anchor_end, status: r.anchor_status } })),
  };
}

/**
 * Quotes a fact into a note the way a reader selection is quoted: a passage
 * is made from the fact's words where they stand now (its anchor on the
 * latest version; where it was found when that is the latest), then the
 * existing quote flow appends it. An orphaned fact cannot be quoted: its words
 * are no longer in the source.
 */
export function quoteFactIntoNote(ctx: CoreContext, input: { factId: number; noteId?: number | undefined; kind: 'block' | 'inline' }): { noteId: number; passageId: number } {
  return ctx.db.transaction(() => {
    const row = factsRepo.getFact(ctx.db, input.factId);
    if (!row) throw new DossierError('not_found', `Fact ${input.factId} does not exist (its article may have been deleted).`);
    let range: { versionId: number; start: number; end: number } | null = null;
    if (row.anchor_version_id !== null && row.anchor_start !== null && row.anchor_end !== null) range = { versionId: row.anchor_version_id, start: row.anchor_start, end: row.anchor_end };
    if (!range) throw new DossierError('invalid_input', `The words of fact ${input.factId} are no longer in the newest version of their article (orphaned); open an older version to quote them.`);
    const passage = createPassage(ctx, range);
    return quoteIntoNote(ctx, { passageId: passage.id, noteId: input.noteId, kind: input.kind });
  })();
}

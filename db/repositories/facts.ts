import type { Db } from '../connection';
import { prepared } from '../statements';
import { LATEST_VERSIONS } from './latestVersions';
import type { AnchorResult, PassageSelectors } from '../../shared/anchoring';
import type { FactStatus, StoredDate, StoredEntity, StoredFigure, StoredQuote } from '../../shared/domain/storedFacts';

/** The facts tables (migration 011). Callers own the transactions. */

export type FactKind = 'quote' | 'figure' | 'date';

export interface NewSpanFact {
  kind: FactKind;
  ordinal: number;
  text: string;
  selectors: PassageSelectors;
  quote?: { source: string; speaker: string | null; speakerKey: string | null; cue: string; anonymous: boolean; kind: 'direct' | 'indirect' | null; sourceStart: number | null; sourceEnd: number | null };
  figure?: { value: number; unit: string; unitKey: string; qualifier: string | null };
  date?: { iso: string; precision: 'day' | 'month' | 'year' };
}

export interface NewEntity {
  ordinal: number;
  name: string;
  nameKey: string;
  type: 'person' | 'org' | 'place';
  aliases: string[];
  mentions: { start: number; end: number }[];
}

export interface FactRunCounts {
  quotes: number;
  entities: number;
  figures: number;
  dates: number;
  dropped: number;
}

/** Replaces a version's facts (a re-run of the extraction replaces, never adds). */
export function replaceVersionFacts(
  db: Db,
  input: { articleId: number; versionId: number; anchorVersionId: number; spans: NewSpanFact[]; entities: NewEntity[]; counts: FactRunCounts; error: string | null; now: string; extractorVersion: number },
): void {
  prepared(db, `DELETE FROM facts WHERE version_id = ?`).run(input.versionId);
  prepared(db, `DELETE FROM fact_entities WHERE version_id = ?`).run(input.versionId);
  const insertFact = prepared(
    db,
    `INSERT INTO facts (article_id, version_id, kind, ordinal, text, exact, prefix, suffix, start_offset, end_offset,
       source, speaker, speaker_key, cue, anonymous, quote_kind, source_start, source_end,
       value, unit, unit_key, qualifier, iso, precision,
       anchor_version_id, anchor_start, anchor_end, anchor_status, anchor_score, anchor_method)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,  ?, ?, ?, ?, ?, ?, ?, ?,  ?, ?, ?, ?, ?, ?,  ?, ?, ?, 'ok', 1, 'position')`,
  );
  for (const f of input.spans) {
    const { quote, position } = f.selectors;
    insertFact.run(
      input.articleId, input.versionId, f.kind, f.ordinal, f.text, quote.exact, quote.prefix, quote.suffix, position.start, position.end,
      f.quote?.source ?? null, f.quote?.speaker ?? null, f.quote?.speakerKey ?? null, f.quote?.cue ?? null,
      f.quote ? (f.quote.anonymous ? 1 : 0) : null, f.quote?.kind ?? null, f.quote?.sourceStart ?? null, f.quote?.sourceEnd ?? null,
      f.figure?.value ?? null, f.figure?.unit ?? null, f.figure?.unitKey ?? null, f.figure?.qualifier ?? null,
      f.date?.iso ?? null, f.date?.precision ?? null,
      // Facts of the latest version are anchored where they were found; the caller re-anchors older ones.
      input.anchorVersionId, position.start, position.end,
    );
  }
  const insertEntity = prepared(db, `INSERT INTO fact_entities (article_id, version_id, ordinal, name, name_key, type, aliases) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertMention = prepared(db, `INSERT OR IGNORE INTO fact_entity_mentions (entity_id, start_offset, end_offset) VALUES (?, ?, ?)`);
  for (const e of input.entities) {
    const id = Number(insertEntity.run(input.articleId, input.versionId, e.ordinal, e.name, e.nameKey, e.type, JSON.stringify(e.aliases)).lastInsertRowid);
    for (const m of e.mentions) insertMention.run(id, m.start, m.end);
  }
  prepared(
    db,
    `INSERT INTO fact_runs (version_id, article_id, extracted_at, quotes, entities, figures, dates, dropped, error, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (version_id) DO UPDATE SET extracted_at = excluded.extracted_at, quotes = excluded.quotes, entities = excluded.entities,
       figures = excluded.figures, dates = excluded.dates, dropped = excluded.dropped, error = excluded.error, extractor_version = excluded.extractor_version`,
  ).run(input.versionId, input.articleId, input.now, input.counts.quotes, input.counts.entities, input.counts.figures, input.counts.dates, input.counts.dropped, input.error, input.extractorVersion);
}

export function factRun(db: Db, versionId: number): { extractedAt: string; error: string | null; extractorVersion: number } | undefined {
  const row = prepared<[number], { extracted_at: string; error: string | null; extractor_version: number }>(db, `SELECT extracted_at, error, extractor_version FROM fact_runs WHERE version_id = ?`).get(versionId);
  return row && { extractedAt: row.extracted_at, error: row.error, extractorVersion: row.extractor_version };
}

/**
 * Latest versions whose facts were never extracted, or were extracted by an extractor older than
 * `extractorVersion`, oldest article first (the backfill's work list).
 */
export interface VersionWithoutFacts {
  articleId: number;
  versionId: number;
  text: string;
  publishedAt: string | null;
}

export function versionsWithoutFacts(db: Db, limit: number, afterArticleId: number, extractorVersion: number): VersionWithoutFacts[] {
  return prepared<[number, number, number], { article_id: number; version_id: number; content_text: string; published_at: string | null }>(
    db,
    `SELECT a.id AS article_id, v.id AS version_id, v.content_text, a.published_at
       FROM articles a
       JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id
      WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM fact_runs r WHERE r.version_id = v.id AND r.extractor_version >= ?)
      ORDER BY a.id LIMIT ?`,
  )
    .all(afterArticleId, extractorVersion, limit)
    .map((r) => ({ articleId: r.article_id, versionId: r.version_id, text: r.content_text, publishedAt: r.published_at }));
}

export function countVersionsWithoutFacts(db: Db, extractorVersion: number): number {
  return prepared<[number], { n: number }>(
    db,
    `SELECT count(*) AS n FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM ${LATEST_VERSIONS} v JOIN fact_runs r ON r.version_id = v.id
                         WHERE v.article_id = a.id AND r.extractor_version >= ?)`,
  ).get(extractorVersion)!.n;
}

// ── Reading ──────────────────────────────────────────────────────────────────

interface FactRow {
  id: number;
  article_id: number;
  version_id: number;
  kind: FactKind;
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  source: string | null;
  speaker: string | null;
  cue: string | null;
  anonymous: number | null;
  quote_kind: 'direct' | 'indirect' | null;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  iso: string | null;
  precision: 'day' | 'month' | 'year' | null;
  anchor_version_id: number | null;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_status: FactStatus;
}

const FACT_COLUMN_NAMES = [
  'id', 'article_id', 'version_id', 'kind', 'text', 'exact', 'prefix', 'suffix', 'start_offset', 'end_offset', 'source', 'speaker', 'cue', 'anonymous',
  'quote_kind', 'value', 'unit', 'qualifier', 'iso', 'precision', 'anchor_version_id', 'anchor_start', 'anchor_end', 'anchor_status',
];
const FACT_COLUMNS = FACT_COLUMN_NAMES.join(', ');
const F_COLUMNS = FACT_COLUMN_NAMES.map((c) => `f.${c}`).join(', ');

function base(row: FactRow) {
  return {
    id: row.id,
    articleId: row.article_id,
    versionId: row.version_id,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    selectors: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    anchor: { versionId: row.anchor_version_id, start: row.anchor_start, end: row.anchor_end, status: row.anchor_status },
  };
}

/** The span facts of one version, in text order. */
export function factsOfVersion(db: Db, versionId: number): FactRow[] {
  return prepared<[number], FactRow>(db, `SELECT ${FACT_COLUMNS} FROM facts WHERE version_id = ? ORDER BY start_offset, kind, ordinal`).all(versionId);
}

export function toQuote(row: FactRow): StoredQuote {
  return { ...base(row), source: row.source!, speaker: row.speaker, cue: row.cue!, anonymous: row.anonymous === 1, kind: row.quote_kind };
}
export function toFigure(row: FactRow): StoredFigure {
  return { ...base(row), value: row.value!, unit: row.unit!, qualifier: row.qualifier };
}
export function toDate(row: FactRow): StoredDate {
  return { ...base(row), iso: row.iso!, precision: row.precision! };
}
export type { FactRow };

export function getFact(db: Db, id: number): FactRow | undefined {
  return prepared<[number], FactRow>(db, `SELECT ${FACT_COLUMNS} FROM facts WHERE id = ?`).get(id);
}

export function entitiesOfVersion(db: Db, versionId: number): StoredEntity[] {
  const rows = prepared<[number], { id: number; name: string; type: StoredEntity['type']; aliases: string }>(
    db,
    `SELECT id, name, type, aliases FROM fact_entities WHERE version_id = ? ORDER BY ordinal`,
  ).all(versionId);
  const mentions = prepared<[number], { entity_id: number; start_offset: number; end_offset: number }>(
    db,
    `SELECT m.entity_id, m.start_offset, m.end_offset FROM fact_entity_mentions m JOIN fact_entities e ON e.id = m.entity_id WHERE e.version_id = ? ORDER BY m.entity_id, m.start_offset`,
  ).all(versionId);
  const byEntity = new Map<number, { start: number; end: number }[]>();
  for (const m of mentions) {
    const list = byEntity.get(m.entity_id) ?? [];
    list.push({ start: m.start_offset, end: m.end_offset });
    byEntity.set(m.entity_id, list);
  }
  return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, aliases: JSON.parse(r.aliases) as string[], mentions: byEntity.get(r.id) ?? [] }));
}

/** Facts of the article's other versions (for re-anchoring onto `versionId`, and for "changed since"). */
export function factsOfOtherVersions(db: Db, articleId: number, versionId: number): (FactRow & { anchor_start: number | null })[] {
  return prepared<[number, number], FactRow>(db, `SELECT ${FACT_COLUMNS} FROM facts WHERE article_id = ? AND version_id <> ? ORDER BY version_id, start_offset`).all(articleId, versionId);
}

export function updateFactAnchor(db: Db, id: number, versionId: number, result: AnchorResult): void {
  prepared(db, `UPDATE facts SET anchor_version_id = ?, anchor_start = ?, anchor_end = ?, anchor_status = ?, anchor_score = ?, anchor_method = ? WHERE id = ?`).run(
    versionId,
    result.start,
    result.end,
    result.status,
    result.score,
    result.method,
    id,
  );
}

// ── Project views ────────────────────────────────────────────────────────────

export interface ProjectFactRow extends FactRow {
  title: string;
  site_name: string | null;
  canonical_url: string | null;
  published_at: string | null;
  byline: string | null;
  speaker_key: string | null;
  unit_key: string | null;
}

/** Span facts of the latest version of every article in a project. */
export function projectFacts(db: Db, projectId: number, kind: FactKind): ProjectFactRow[] {
  return prepared<[number, string], ProjectFactRow>(
    db,
    `SELECT ${F_COLUMNS}, f.speaker_key, f.unit_key,
            a.title, a.site_name, a.canonical_url, a.published_at, a.byline
       FROM project_articles pa
       JOIN articles a ON a.id = pa.article_id
       JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id
       JOIN facts f ON f.version_id = v.id
      WHERE pa.project_id = ? AND f.kind = ?
      ORDER BY a.id, f.start_offset`,
  ).all(projectId, kind);
}

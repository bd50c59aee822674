import type { Db } from '../connection';
import type { AnchorResult, PassageSelectors } from '../../shared/anchoring';
import { wordDiff } from '../../shared/anchoring/anchor';
import type { Backlink, HighlightColor, Passage, PassageStatus } from '../../shared/domain/passage';

interface PassageRow {
  id: number;
  article_id: number | null;
  created_version_id: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  start_offset: number;
  end_offset: number;
  source_title: string;
  source_site: string | null;
  source_url: string | null;
  anchor_version_id: number | null;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_status: PassageStatus;
  anchor_matched: string | null;
  highlight: HighlightColor | null;
  label: string | null;
  comment: string | null;
  created_at: string;
  source_in_trash: number;
}

const PASSAGE_SELECT = `
  SELECT p.id, p.article_id, p.created_version_id, p.exact, p.prefix, p.suffix, p.start_offset, p.end_offset,
         p.source_title, p.source_site, p.source_url, p.anchor_version_id, p.anchor_start, p.anchor_end,
         p.anchor_status, p.anchor_matched, h.color AS highlight, h.label, h.comment, p.created_at,
         p.article_id IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL) AS source_in_trash
  FROM passages p LEFT JOIN highlights h ON h.passage_id = p.id`;

function rowToPassage(row: PassageRow): Passage {
  const changed = row.anchor_status === 'changed' && row.anchor_matched !== null;
  return {
    id: row.id,
    source: {
      articleId: row.article_id,
      title: row.source_title,
      siteName: row.source_site,
      url: row.source_url,
      ...(row.source_in_trash === 1 ? { inTrash: true } : {}),
    },
    createdVersionId: row.created_version_id,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start_offset,
    end: row.end_offset,
    anchor: {
      versionId: row.anchor_version_id,
      start: row.anchor_start,
      end: row.anchor_end,
      status: row.anchor_status,
      matched: changed ? row.anchor_matched : null,
      diff: changed ? wordDiff(row.exact, row.anchor_matched!) : null,
    },
    highlight: row.highlight,
    label: row.highlight === null ? null : row.label,
    comment: row.highlight === null ? null : row.comment,
    createdAt: row.created_at,
  };
}

export interface NewPassage {
  articleId: number;
  versionId: number;
  selectors: PassageSelectors;
  exactSha256: string;
  source: { title: string; siteName: string | null; url: string | null };
  now: string;
}

export function insertPassage(db: Db, p: NewPassage): number {
  const { quote, position } = p.selectors;
  return Number(
    db
      .prepare(
        `INSERT INTO passages (article_id, created_version_id, exact, prefix, suffix, start_offset, end_offset, exact_sha256,
           source_title, source_site, source_url, anchor_version_id, anchor_start, anchor_end, anchor_status, anchor_matched,
           anchor_score, anchor_method, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', NULL, 1, 'selection', ?)`,
      )
      .run(
        p.articleId, p.versionId, quote.exact, quote.prefix, quote.suffix, position.start, position.end, p.exactSha256,
        p.source.title, p.source.siteName, p.source.url, p.versionId, position.start, position.end, p.now,
      ).lastInsertRowid,
  );
}

/** A passage already made on exactly this range of this version (selecting twice reuses it). */
export function findPassageAt(db: Db, versionId: number, start: number, end: number): number | undefined {
  return db
    .prepare<[number, number, number], { id: number }>(
      `SELECT id FROM passages WHERE anchor_version_id = ? AND anchor_start = ? AND anchor_end = ? ORDER BY id LIMIT 1`,
    )
    .get(versionId, start, end)?.id;
}

export function getPassage(db: Db, id: number): Passage | undefined {
  const row = db.prepare<[number], PassageRow>(`${PASSAGE_SELECT} WHERE p.id = ?`).get(id);
  return row && rowToPassage(row);
}

export function getPassages(db: Db, ids: readonly number[]): Map<number, Passage> {
  const out = new Map<number, Passage>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare<[string], PassageRow>(`${PASSAGE_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...new Set(ids)]));
  for (const row of rows) out.set(row.id, rowToPassage(row));
  return out;
}

export function listArticlePassages(db: Db, articleId: number): Passage[] {
  return db.prepare<[number], PassageRow>(`${PASSAGE_SELECT} WHERE p.article_id = ? ORDER BY p.id`).all(articleId).map(rowToPassage);
}

/** Just what re-anchoring needs. */
export function listSelectorsOfArticle(db: Db, articleId: number): Array<{ id: number; selectors: PassageSelectors; exactSha256: string; createdVersionId: number | null; anchorStart: number | null }> {
  return db
    .prepare<[number], { id: number; exact: string; prefix: string; suffix: string; start_offset: number; end_offset: number; exact_sha256: string; created_version_id: number | null; anchor_start: number | null }>(
      `SELECT id, exact, prefix, suffix, start_offset, end_offset, exact_sha256, created_version_id, anchor_start FROM passages WHERE article_id = ?`,
    )
    .all(articleId)
    .map((r) => ({
      id: r.id,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
        position: { type: 'TextPositionSelector', start: r.start_offset, end: r.end_offset },
      },
      exactSha256: r.exact_sha256,
      createdVersionId: r.created_version_id,
      anchorStart: r.anchor_start,
    }));
}

export function updateAnchor(db: Db, passageId: number, versionId: number, result: AnchorResult): void {
  db.prepare(
    `UPDATE passages SET anchor_version_id = ?, anchor_start = ?, anchor_end = ?, anchor_status = ?, anchor_matched = ?,
       anchor_score = ?, anchor_method = ? WHERE id = ?`,
  ).run(
    versionId,
    result.start,
    result.end,
    result.status,
    result.status === 'changed' ? result.matched : null,
    result.score,
    result.method,
    passageId,
  );
}

export function setHighlight(db: Db, passageId: number, color: HighlightColor, now: string): void {
  db.prepare(
    `INSERT INTO highlights (passage_id, color, created_at) VALUES (?, ?, ?)
     ON CONFLICT (passage_id) DO UPDATE SET color = excluded.color`,
  ).run(passageId, color, now);
}

export function removeHighlight(db: Db, passageId: number): boolean {
  return db.prepare(`DELETE FROM highlights WHERE passage_id = ?`).run(passageId).changes === 1;
}

/** Sets the label and/or comment of a passage's highlight (which must exist); undefined leaves one as it is. */
export function annotateHighlight(db: Db, passageId: number, note: { label?: string | null; comment?: string | null }): void {
  if (note.label !== undefined) db.prepare(`UPDATE highlights SET label = ? WHERE passage_id = ?`).run(note.label, passageId);
  if (note.comment !== undefined) db.prepare(`UPDATE highlights SET comment = ? WHERE passage_id = ?`).run(note.comment, passageId);
}

/** Adds a label to the journalist's set (a label already there is left alone). */
export function addHighlightLabel(db: Db, name: string, now: string): void {
  db.prepare(`INSERT INTO highlight_labels (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`).run(name, now);
}

/** The labels the journalist added, oldest first, and how many live highlights carry each label in use. */
export function highlightLabelUse(db: Db): { added: string[]; counts: Map<string, number> } {
  const added = db.prepare<[], { name: string }>(`SELECT name FROM highlight_labels ORDER BY id`).all().map((r) => r.name);
  const counts = new Map(
    db
      .prepare<[], { label: string; n: number }>(
        `SELECT h.label, count(*) AS n FROM highlights h JOIN passages p ON p.id = h.passage_id
          WHERE h.label IS NOT NULL AND (p.article_id IS NULL OR p.article_id NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL))
          GROUP BY h.label`,
      )
      .all()
      .map((r) => [r.label, r.n] as const),
  );
  return { added, counts };
}

/** The notes quoting each passage, most recently edited first. */
export function backlinksOf(db: Db, passageIds: readonly number[]): Map<number, Backlink[]> {
  const out = new Map<number, Backlink[]>();
  if (passageIds.length === 0) return out;
  const rows = db
    .prepare<[string], { passage_id: number; note_id: number; title: string; n: number }>(
      `SELECT q.passage_id, n.id AS note_id, n.title, count(*) AS n
       FROM note_quotes q JOIN notes n ON n.id = q.note_id
       WHERE q.passage_id IN (SELECT value FROM json_each(?)) AND n.trashed_at IS NULL
       GROUP BY q.passage_id, n.id
       ORDER BY n.updated_at DESC, n.id DESC`,
    )
    .all(JSON.stringify([...new Set(passageIds)]));
  for (const row of rows) {
    const list = out.get(row.passage_id) ?? [];
    list.push({ noteId: row.note_id, noteTitle: row.title, quoteCount: row.n });
    out.set(row.passage_id, list);
  }
  return out;
}

export interface NoteQuoteRow {
  ordinal: number;
  passageId: number;
  kind: 'block' | 'inline';
  quotedText: string;
  altered: boolean;
}

/** Replaces a note's derived quote links (call inside the note-save transaction). */
export function replaceNoteQuotes(db: Db, noteId: number, quotes: readonly NoteQuoteRow[]): void {
  db.prepare(`DELETE FROM note_quotes WHERE note_id = ?`).run(noteId);
  const insert = db.prepare(
    `INSERT INTO note_quotes (note_id, ordinal, passage_id, kind, quoted_text, altered) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const q of quotes) insert.run(noteId, q.ordinal, q.passageId, q.kind, q.quotedText, q.altered ? 1 : 0);
}

/** The exact text of each known passage among `ids` (unknown ids are absent). */
export function exactsOf(db: Db, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare<[string], { id: number; exact: string }>(`SELECT id, exact FROM passages WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...new Set(ids)]));
  for (const row of rows) out.set(row.id, row.exact);
  return out;
}

/**
 * After an article is deleted its passages stay only as far as notes need
 * them: a passage no note quotes is deleted (with its highlight and tags), and
 * a quoted one keeps its exact text and citation but loses the deleted
 * article's surrounding text. Returns how many passages were deleted.
 */
export function purgeDeletedSourcePassages(db: Db): number {
  db.prepare(`UPDATE passages SET prefix = '', suffix = '' WHERE anchor_status = 'source_deleted' AND (prefix <> '' OR suffix <> '')`).run();
  return db.prepare(`DELETE FROM passages WHERE anchor_status = 'source_deleted' AND id NOT IN (SELECT passage_id FROM note_quotes)`).run().changes;
}

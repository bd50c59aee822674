import type { Db } from '../../../db/connection';
import * as articles from '../../../db/repositories/articles';
import * as notesRepo from '../../../db/repositories/notes';
import * as passages from '../../../db/repositories/passages';
import { sha256Hex } from '../../../db/sha256';
import { anchor, describe, newTextRegions } from '../../../shared/anchoring';
import { findVerbatim, isAltered } from '../../../shared/text/quoteIntegrity';
import type { HighlightColor, NoteQuote, Passage, PassageDetail, PlacedPassage } from '../../../shared/domain/passage';
import { citationText, shortCitation } from '../../../shared/citation/citationText';
import { dbCitationSource } from '../export/dbCitationSource';
import { DossierError } from '../../../shared/errors';
import { parseEditorState } from '../../../shared/notes/editorState';
import { quotesInNote } from '../../../shared/notes/quotesInNote';
import type { CoreContext } from '../context';
import { announced } from '../events';


function versionOrThrow(db: Db, versionId: number) {
  const content = articles.getVersionContent(db, versionId);
  if (!content) throw new DossierError('not_found', `Article version ${versionId} does not exist.`);
  return content;
}

function latestVersionId(db: Db, articleId: number): number {
  const article = articles.getArticle(db, articleId);
  if (!article) throw new DossierError('not_found', `Article ${articleId} does not exist (it may have been deleted).`);
  return article.latestVersionId;
}

/**
 * Makes (or reuses) the passage for text[start, end) of a version. The
 * selection is trimmed of surrounding whitespace; an empty one is refused.
 * A passage made on an older version is anchored on the latest at once.
 */
export function createPassage(ctx: CoreContext, input: { versionId: number; start: number; end: number }): Passage {
  const { db } = ctx;
  const content = versionOrThrow(db, input.versionId);
  let { start, end } = input;
  if (end > content.text.length || start >= end) {
    throw new DossierError('invalid_input', `Selection ${start}–${end} is outside this version's text (${content.text.length} characters).`);
  }
  while (start < end && /\s/.test(content.text[start]!)) start++;
  while (end > start && /\s/.test(content.text[end - 1]!)) end--;
  if (start === end) throw new DossierError('invalid_input', 'The selection holds no text.');

  const created = db.transaction(() => {
    const existing = passages.findPassageAt(db, input.versionId, start, end);
    if (existing !== undefined) return passages.getPassage(db, existing)!;
    let selectors;
    try {
      selectors = describe(content.text, start, end);
    } catch (error) {
      throw new DossierError('invalid_input', (error as Error).message);
    }
    const article = articles.getArticle(db, content.articleId)!;
    const id = passages.insertPassage(db, {
      articleId: content.articleId,
      versionId: input.versionId,
      selectors,
      exactSha256: sha256Hex(selectors.quote.exact),
      source: { title: article.title, siteName: article.siteName, url: article.canonicalUrl },
      now: ctx.now(),
    });
    if (article.latestVersionId !== input.versionId) {
      const latest = versionOrThrow(db, article.latestVersionId);
      passages.updateAnchor(db, id, latest.versionId, anchor(selectors, latest.text, { searchRegions: newTextRegions(content.text, latest.text) }));
    }
    return passages.getPassage(db, id)!;
  })();
  return announcedPassage(ctx, created);
}

/** Highlights text[start, end) of a version (making the passage if needed). */
export function highlightSelection(ctx: CoreContext, input: { versionId: number; start: number; end: number; color: HighlightColor }): Passage {
  return announcedPassage(ctx, ctx.db.transaction(() => {
    const passage = createPassage(ctx, input);
    passages.setHighlight(ctx.db, passage.id, input.color, ctx.now());
    return passages.getPassage(ctx.db, passage.id)!;
  })());
}

export function setHighlight(ctx: CoreContext, passageId: number, color: HighlightColor | null): Passage {
  return announcedPassage(ctx, ctx.db.transaction(() => {
    passageOrThrow(ctx.db, passageId);
    if (color === null) passages.removeHighlight(ctx.db, passageId);
    else passages.setHighlight(ctx.db, passageId, color, ctx.now());
    return passages.getPassage(ctx.db, passageId)!;
  })());
}

function announcedPassage(ctx: CoreContext, passage: Passage): Passage {
  return announced(ctx, { type: 'passages.changed', passages: [{ id: passage.id, status: passage.anchor.status }] }, passage);
}

export function passageOrThrow(db: Db, id: number): Passage {
  const passage = passages.getPassage(db, id);
  if (!passage) throw new DossierError('not_found', `Passage ${id} does not exist.`);
  return passage;
}

/** A passage with the notes quoting it and its citation, short (the chip) and full (THE citation text). */
export function getPassage(ctx: CoreContext, id: number): PassageDetail {
  const passage = passageOrThrow(ctx.db, id);
  const cited = dbCitationSource(ctx.db).passage(id)!;
  return {
    ...passage,
    backlinks: passages.backlinksOf(ctx.db, [id]).get(id) ?? [],
    citation: { short: shortCitation(cited.article), full: citationText(cited, 'plain') },
  };
}

/**
 * The passages of a version's article as the reader draws them on that
 * version: on the latest version their current anchors, on an older one the
 * ranges they were made on there (range null when neither applies).
 */
export function passagesForVersion(ctx: CoreContext, versionId: number): PlacedPassage[] {
  const content = versionOrThrow(ctx.db, versionId);
  const list = passages.listArticlePassages(ctx.db, content.articleId);
  const backlinks = passages.backlinksOf(ctx.db, list.map((p) => p.id));
  return list.map((p) => {
    let range: PlacedPassage['range'] = null;
    if (p.anchor.versionId === versionId && p.anchor.start !== null && p.anchor.end !== null) range = { start: p.anchor.start, end: p.anchor.end };
    else if (p.createdVersionId === versionId) range = { start: p.start, end: p.end };
    return { ...p, range, backlinks: backlinks.get(p.id) ?? [] };
  });
}

/** Each quote of a note with its verbatim state and source, in document order. */
export function quotesOfNote(ctx: CoreContext, noteId: number): NoteQuote[] {
  const note = notesRepo.getNote(ctx.db, noteId);
  if (!note) throw new DossierError('not_found', `Note ${noteId} does not exist (it may have been deleted).`);
  const found = quotesInNote(parseEditorState(note.contentJson));
  const known = passages.getPassages(ctx.db, found.flatMap((q) => (q.passageId === null ? [] : [q.passageId])));
  return found.map((q) => {
    const passage = q.passageId === null ? undefined : known.get(q.passageId);
    if (!passage) {
      return { ordinal: q.ordinal, kind: q.kind, passageId: q.passageId, text: q.text, status: 'unlinked', altered: false, sourceStatus: null, exact: null, source: null };
    }
    const altered = isAltered(q.text, passage.exact);
    return {
      ordinal: q.ordinal,
      kind: q.kind,
      passageId: passage.id,
      text: q.text,
      status: altered ? 'altered' : passage.source.inTrash ? 'source_in_trash' : passage.anchor.status,
      altered,
      sourceStatus: passage.anchor.status,
      exact: passage.exact,
      source: passage.source,
    };
  });
}

/**
 * Finds `text` in the newest version of an article (verbatim, or differing
 * only in typography, by the rule of shared/text/quoteIntegrity.ts) and makes a
 * passage of its first occurrence. Not found is an error.
 */
export function findPassage(ctx: CoreContext, articleId: number, text: string): Passage {
  const versionId = latestVersionId(ctx.db, articleId);
  const content = versionOrThrow(ctx.db, versionId);
  const wanted = text.normalize('NFC').trim();
  if (wanted === '') throw new DossierError('invalid_input', 'The text to quote is empty.');
  let start = content.text.indexOf(wanted);
  let end = start + wanted.length;
  if (start === -1) {
    const match = findVerbatim(content.text, wanted);
    if (!match) throw new DossierError('not_found', `The text "${excerpt(wanted)}" is not in article ${articleId} (newest version).`);
    ({ start, end } = match);
  }
  return createPassage(ctx, { versionId, start, end });
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Re-anchors every passage of an article on a new version, in one
 * transaction. The clipper calls this right after inserting the version.
 * Each passage is searched with its own selectors; its last-resort search is
 * limited to text that is new relative to the version it was made on.
 */
export function reanchorArticle(db: Db, articleId: number, newVersionId: number): { ok: number; changed: number; orphan: number } {
  return db.transaction(() => {
    const target = versionOrThrow(db, newVersionId);
    if (target.articleId !== articleId) throw new DossierError('invalid_input', `Version ${newVersionId} does not belong to article ${articleId}.`);
    const regionsByVersion = new Map<number, Array<[number, number]>>();
    const counts = { ok: 0, changed: 0, orphan: 0 };
    for (const p of passages.listSelectorsOfArticle(db, articleId)) {
      const createdOn = p.createdVersionId;
      let regions: Array<[number, number]> | undefined;
      if (createdOn !== null) {
        if (!regionsByVersion.has(createdOn)) regionsByVersion.set(createdOn, newTextRegions(versionOrThrow(db, createdOn).text, target.text));
        regions = regionsByVersion.get(createdOn);
      }
      const result = anchor(p.selectors, target.text, { hint: p.anchorStart ?? p.selectors.position.start, searchRegions: regions });
      passages.updateAnchor(db, p.id, newVersionId, result);
      counts[result.status] += 1;
    }
    return counts;
  })();
}

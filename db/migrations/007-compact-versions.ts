import type { Migration } from '../migrate';
import { packBodies, readHtml, readOriginal, sha256Hex } from '../versionBodies';

/**
 * Compact article versions (see db/versionBodies.ts): the clean HTML and the
 * original bytes move to zlib columns at the end of the row, compressed
 * against the version's plain text. content_text is untouched (search and
 * passage anchors read it), and so are both SHA-256s.
 *
 * Existing rows are converted here, each checked before it is rewritten: the
 * packed form must give back the same HTML and an original whose SHA-256 is
 * the stored one. A row that fails the check (say its gzip is damaged) keeps
 * its old form rather than lose anything. The space freed is reused by later
 * writes (a backup with VACUUM INTO writes a compact file).
 */
export const m007CompactVersions: Migration = {
  version: 7,
  name: 'compact-versions',
  up(db) {
    db.exec(`
      ALTER TABLE article_versions ADD COLUMN content_html_z BLOB;
      ALTER TABLE article_versions ADD COLUMN original_z BLOB;

      -- The packed bodies are compressed against the text: changing it in place would make them unreadable.
      CREATE TRIGGER article_versions_text_is_immutable BEFORE UPDATE OF content_text ON article_versions
      WHEN OLD.content_text IS NOT NEW.content_text AND (OLD.content_html_z IS NOT NULL OR OLD.original_z IS NOT NULL) BEGIN
        SELECT RAISE(ABORT, 'The text of an article version cannot change: its HTML and original are stored against it. Clip a new version instead.');
      END;

      -- Whoever writes plain HTML into a packed row (a repair, a test) replaces the packed HTML.
      CREATE TRIGGER article_versions_plain_html_wins AFTER UPDATE OF content_html ON article_versions
      WHEN NEW.content_html <> '' AND NEW.content_html_z IS NOT NULL BEGIN
        UPDATE article_versions SET content_html_z = NULL WHERE id = NEW.id;
      END;
    `);

    // One row in memory at a time (a connection cannot write while it iterates).
    const ids = db.prepare(`SELECT id FROM article_versions WHERE original_z IS NULL ORDER BY id`).pluck().all() as number[];
    const read = db.prepare(`SELECT id, original_gzip, original_sha256, content_html, content_text FROM article_versions WHERE id = ?`);
    const update = db.prepare(`UPDATE article_versions SET content_html = '', content_html_z = ?, original_gzip = X'', original_z = ? WHERE id = ?`);
    for (const id of ids) {
      const row = read.get(id) as { id: number; original_gzip: Buffer; original_sha256: string; content_html: string; content_text: string };
      let original: Buffer;
      try {
        original = readOriginal({ original_gzip: row.original_gzip, original_z: null, content_text: row.content_text });
      } catch {
        continue;
      }
      if (sha256Hex(original) !== row.original_sha256) continue;
      const packed = packBodies(original, row.content_html, row.content_text);
      const roundTrip = { content_text: row.content_text, content_html: '', content_html_z: packed.contentHtmlZ, original_gzip: packed.originalGzip, original_z: packed.originalZ };
      if (readHtml(roundTrip) !== row.content_html || sha256Hex(readOriginal(roundTrip)) !== row.original_sha256) continue;
      update.run(packed.contentHtmlZ, packed.originalZ, row.id);
    }
  },
};

import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../db/sha256';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';

describe('sha256Hex: the one SHA-256 (db/sha256.ts)', () => {
  it('is the standard digest in lowercase hex; strings are hashed as UTF-8', () => {
    // FIPS 180-2 test vectors.
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('Bogotá “quote”')).toBe(sha256Hex(new TextEncoder().encode('Bogotá “quote”')));
    expect(sha256Hex(new Uint8Array([0xff, 0x00]))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('every stored checksum is sha256Hex of what is stored: version text, passage words, note JSON', async () => {
    const core = makeTestCore();
    try {
      const { results: [clip] } = await callOk<{ results: Array<{ articleId: number }> }>(core, 'clip.save', {
        inputs: [{ kind: 'paste', format: 'text', content: 'Checksums\n\nThe council was told on Tuesday, after the contract was signed, that the award was irregular.' }],
      });
      const version = core.ctx.db
        .prepare<[number], { content_text: string; text_sha256: string }>('SELECT content_text, text_sha256 FROM article_versions WHERE article_id = ?')
        .get(clip!.articleId)!;
      expect(version.text_sha256).toBe(sha256Hex(version.content_text));

      const passage = await callOk<{ id: number }>(core, 'passages.find', { articleId: clip!.articleId, text: 'the award was irregular' });
      const row = core.ctx.db.prepare<[number], { exact: string; exact_sha256: string }>('SELECT exact, exact_sha256 FROM passages WHERE id = ?').get(passage.id)!;
      expect(row.exact_sha256).toBe(sha256Hex('the award was irregular'));
      expect(row.exact_sha256).toBe(sha256Hex(row.exact));

      const note = await callOk<{ id: number }>(core, 'notes.create', {});
      await callOk(core, 'notes.save', { id: note.id, contentJson: editorJson('A note é') });
      const sums = core.ctx.db
        .prepare<[number], { content_json: string; json_sha256: string }>('SELECT n.content_json, c.json_sha256 FROM notes n JOIN note_checksums c ON c.note_id = n.id WHERE n.id = ?')
        .get(note.id)!;
      expect(sums.json_sha256).toBe(sha256Hex(sums.content_json));
    } finally {
      core.close();
    }
  });
});

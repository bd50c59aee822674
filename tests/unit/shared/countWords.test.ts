import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/core/services/articleImport';
import { countWords } from '../../../shared/clip/normalizedText';
import { callOk, makeTestCore } from '../../helpers/core';

const HINDI = 'नगर परिषद को मंगलवार को बताया गया कि अनुबंध पर हस्ताक्षर हो चुके थे';

describe('countWords: one word count for clipped and imported articles', () => {
  it('counts runs of letters, digits and combining marks; the ASCII fast path agrees with the general rule', () => {
    expect(countWords('The council, on 2 July, was told.')).toBe(7);
    expect(countWords('cafe\u0301 au lait')).toBe(3);
    expect(countWords(HINDI)).toBe(14);
    expect(countWords('')).toBe(0);
    const ascii = 'Mixed-case words, 42 numbers & punctuation: it\'s here.\n\nNext block';
    expect(countWords(ascii)).toBe(countWords(`${ascii} é`) - 1);
  });

  it('a pasted article and the same text imported from a file store the same word_count', async () => {
    const core = makeTestCore();
    try {
      const body = `${HINDI}.\n\nThe council was told on Tuesday.`;
      const { results } = await callOk<{ results: Array<{ articleId: number }> }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'text', content: `Pasted\n\n${body}` }] });
      const file = core.dir.file('imported.txt');
      writeFileSync(file, `Imported\n\n${body}`);
      const imported = await importFiles(core.ctx, [file]);
      const words = (articleId: number) =>
        core.ctx.db.prepare<[number], { word_count: number }>('SELECT word_count FROM article_versions WHERE article_id = ?').get(articleId)!.word_count;
      const pasted = words(results[0]!.articleId);
      expect(words(imported.articleIds[0]!)).toBe(pasted);
      expect(pasted).toBeGreaterThanOrEqual(14 + 6);
    } finally {
      core.close();
    }
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe } from '../../../shared/anchoring';
import { FIXTURES, htmlToText } from '../../helpers/articles';

// Anchoring on real article text: Readability's extractions of the fixture pages, turned into
// content_text by the canonical walk. For a few long sentences of each page: exact → ok; a word
// changed → changed; its paragraph deleted → orphan (never a wrong place).
const READABILITY = `${FIXTURES}/readability`;
const HAVE = existsSync(READABILITY);

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+/).filter((s) => s.length >= 60 && s.length <= 400);
}

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Another sentence of the page with the same tokens but for at most two. */
function hasNearTwin(sentence: string, text: string): boolean {
  const mine = tokens(sentence);
  return text
    .split(/(?<=[.!?])\s+|\n\n/)
    .filter((other) => other !== sentence)
    .some((other) => {
      const theirs = tokens(other);
      if (Math.abs(theirs.length - mine.length) > 2) return false;
      let differing = Math.abs(theirs.length - mine.length);
      for (let i = 0; i < Math.min(mine.length, theirs.length); i++) if (mine[i] !== theirs[i]) differing++;
      return differing <= 2;
    });
}

suite.skipIf(!HAVE)('anchoring on fixture pages', () => {
  if (!HAVE) console.warn(`${READABILITY} is absent: fixture-page anchoring tests skipped`);
  const tally = new Map<string, number>();
  const cases = HAVE ? readdirSync(READABILITY).filter((d) => existsSync(`${READABILITY}/${d}/expected.html`)) : [];

  it.each(cases)('%s', (name) => {
    const text = htmlToText(readFileSync(`${READABILITY}/${name}/expected.html`, 'utf8'));
    const paragraphs = text.split('\n\n');
    let checked = 0;
    for (const [p, paragraph] of paragraphs.entries()) {
      if (checked >= 6) break;
      for (const sentence of sentencesOf(paragraph).slice(0, 1)) {
        if (text.indexOf(sentence) !== text.lastIndexOf(sentence)) continue; // repeated on the page: not a deletion test
        const start = text.indexOf(sentence);
        const selectors = describe(text, start, start + sentence.length);
        expect(anchor(selectors, text).status).toBe('ok');

        const words = sentence.split(' ');
        const middle = Math.floor(words.length / 2);
        // Scripts without spaces (CJK) get characters inserted mid-sentence instead of a word.
        const editedSentence =
          words.length >= 4
            ? [...words.slice(0, middle), 'reportedly', ...words.slice(middle)].join(' ')
            : `${sentence.slice(0, sentence.length >> 1)}（報道）${sentence.slice(sentence.length >> 1)}`;
        const edited = text.replace(sentence, editedSentence);
        const changed = anchor(selectors, edited);
        expect(changed.status, `${name}: edited "${sentence.slice(0, 40)}…"`).toBe('changed');
        expect(changed.matched).toBe(editedSentence);

        // A sentence with a near-twin elsewhere on the page (one token apart, as in Readability's
        // synthetic "reordering-paragraphs") is not a deletion test: the twin is a fair 'changed' match.
        if (hasNearTwin(sentence, text)) continue;
        const deleted = paragraphs.filter((_, i) => i !== p).join('\n\n');
        const orphan = anchor(selectors, deleted);
        expect(orphan.status, `${name}: deleted "${sentence.slice(0, 40)}…" matched "${orphan.matched}"`).toBe('orphan');
        if (++checked >= 6) break;
      }
    }
    tally.set(name, checked);
  });

  it('checked real sentences on most pages (synthetic lorem-ipsum pages have no unique ones)', () => {
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(100);
    expect([...tally.values()].filter((n) => n > 0).length).toBeGreaterThanOrEqual(cases.length - 6);
  });
});

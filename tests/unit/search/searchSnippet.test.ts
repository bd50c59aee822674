import { describe, expect, it } from 'vitest';
import { buildSnippet, SNIPPET_TOKENS } from '../../../db/repositories/searchSnippet';
import type { TextTerm } from '../../../shared/search/query';

const word = (text: string, prefix = false): TextTerm => ({ kind: 'word', text, prefix, spaceless: false });
const phrase = (text: string): TextTerm => ({ kind: 'phrase', text, prefix: false, spaceless: false });
const hits = (parts: ReturnType<typeof buildSnippet>) => parts.filter((p) => p.hit).map((p) => p.text);
const joined = (parts: ReturnType<typeof buildSnippet>) => parts.map((p) => p.text).join('');

const LONG = Array.from({ length: 60 }, (_, i) => `filler${i}`).join(' ');

describe('snippets built for the top hits', () => {
  it('marks words the way the index matched them: case, diacritics, prefixes and phrases', () => {
    const text = 'Reporters met the Mayor of São Paulo; the mayor’s office denied the laundering claims.';
    expect(hits(buildSnippet(text, [word('MAYOR')]))).toEqual(['Mayor', 'mayor']);
    expect(hits(buildSnippet(text, [word('sao')]))).toEqual(['São']);
    expect(hits(buildSnippet(text, [word('launder', true)]))).toEqual(['laundering']);
    expect(hits(buildSnippet(text, [phrase('são paulo')]))).toEqual(['São Paulo']);
    expect(hits(buildSnippet(text, [phrase('paulo mayor')]))).toEqual([]);
  });

  it('shows the window with the most different terms, with ellipses where text is cut', () => {
    const text = `${LONG} the harbour contract was signed. ${LONG} the dredging and harbour contract finally passed. ${LONG}`;
    const parts = buildSnippet(text, [word('harbour'), word('dredging')]);
    expect(hits(parts)).toEqual(['dredging', 'harbour']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(joined(parts)).toContain('the dredging and harbour contract finally passed.');
    expect(joined(parts).split(/\s+/).filter((w) => /\w/.test(w)).length).toBeLessThanOrEqual(SNIPPET_TOKENS + 1);
  });

  it('finds terms in scripts written without spaces as substrings', () => {
    const parts = buildSnippet('我们在东京都工作。北京的消息来源证实了这笔交易。', [{ kind: 'word', text: '北京', prefix: false, spaceless: true }]);
    expect(hits(parts)).toEqual(['北京']);
  });

  it('falls back to the start of the text when the match was elsewhere (title, byline)', () => {
    const parts = buildSnippet(`Opening words of the piece. ${LONG}`, [word('absent')]);
    expect(hits(parts)).toEqual([]);
    expect(joined(parts).startsWith('Opening words of the piece.')).toBe(true);
    expect(buildSnippet('', [word('x')])).toEqual([]);
  });

  it('never marks overlapping hits twice and keeps whitespace tidy', () => {
    const parts = buildSnippet('New\n\nYork  times: new york', [phrase('new york'), word('york')]);
    expect(hits(parts)).toEqual(['New\n\nYork'.replace(/\s+/g, ' '), 'new york']);
    expect(joined(parts)).toBe('New York times: new york');
  });
});

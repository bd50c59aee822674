import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToNormalizedText } from '../../../electron/core/clip/normalize';
import { countWords, normalizedTextWithMap } from '../../../shared/clip/normalizedText';

describe('htmlToNormalizedText (the anchoring coordinate space)', () => {
  it('separates blocks with a blank line and collapses whitespace inside them', () => {
    const html = '<h2> Title\n here </h2><p>One  <em>two</em>\n\tthree&nbsp;four</p><ul><li>a</li><li> b </li></ul><p>   </p><p>end<br>line</p>';
    expect(htmlToNormalizedText(html)).toBe('Title here\n\nOne two three four\n\na\n\nb\n\nend\n\nline');
  });

  it('keeps inline boundaries without inventing spaces', () => {
    expect(htmlToNormalizedText('<p>for<b>ty</b>-two <a href="https://x.org">links</a>.</p>')).toBe('forty-two links.');
  });

  it('ignores script, style and template text', () => {
    expect(htmlToNormalizedText('<p>a<script>b</script><style>c</style><template>d</template>e</p>')).toBe('ae');
  });

  it('gives the same text on jsdom and linkedom, and maps every DOM character to its offset', () => {
    const html = '<p>  Quote: <q>“Hello,   world”</q> said\nshe.</p><blockquote><p>Second   block</p></blockquote>';
    const jsdomRoot = JSDOM.fragment(html);
    const { text, mappings } = normalizedTextWithMap(jsdomRoot);
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(normalizedTextWithMap(document.body as never).text).toBe(text);
    // Every non-space character of every text node maps to the same character in the text.
    for (const { node, offsets } of mappings) {
      const data = node.nodeValue ?? '';
      for (let i = 0; i < data.length; i++) if (!/\s/.test(data[i]!)) expect(text[offsets[i]!]).toBe(data[i]);
      expect(offsets[data.length]).toBeGreaterThanOrEqual(offsets[0] ?? 0);
    }
    expect(text).toBe('Quote: “Hello, world” said she.\n\nSecond block');
  });

  it('survives nesting far deeper than the JS stack', () => {
    const depth = 20000;
    const html = `${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}`;
    const { document } = parseHTML(`<html><body><p>${html}</p></body></html>`);
    expect(normalizedTextWithMap(document.body as never).text).toBe('deep');
  });

  it('counts words as runs of letters, digits and marks', () => {
    expect(countWords('It’s 2025 — naïve café, ok?')).toBe(6);
  });
});

import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords, domToNormalizedText } from '../../../shared/clip/normalizedText';
import { normalizedText } from '../../../shared/text/normalizedText';

/** Stored article HTML parsed as a browser parses it (jsdom), then the shared rule the reader applies to its DOM. */
function htmlToNormalizedText(html: string): string {
  return domToNormalizedText(JSDOM.fragment(html.normalize('NFC')));
}

describe('htmlToNormalizedText (the anchoring coordinate space)', () => {
  it('separates blocks with a blank line and collapses whitespace inside them', () => {
    const html = '<h2> Title\n here </h2><p>One  <em>two</em>\n\tthree&nbsp;four</p><ul><li>a</li><li> b </li></ul><p>   </p><p>end<br>line</p>';
    expect(htmlToNormalizedText(html)).toBe('Title here\n\nOne two three four\n\na\n\nb\n\nend\nline');
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
    const { text, segments } = normalizedText(jsdomRoot as never);
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    expect(normalizedText(document.body as never).text).toBe(text);
    // Every character of the text maps back to the same character in its DOM text node.
    for (const { node, textStart, domOffsets } of segments) {
      const data = (node as { nodeValue: string | null }).nodeValue ?? '';
      for (let i = 0; i < domOffsets.length - 1; i++) if (!/\s/.test(text[textStart + i]!)) expect(data[domOffsets[i]!]).toBe(text[textStart + i]);
    }
    expect(text).toBe('Quote: “Hello, world” said she.\n\nSecond block');
  });

  it('survives nesting far deeper than the JS stack', () => {
    const depth = 20000;
    const html = `${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}`;
    const { document } = parseHTML(`<html><body><p>${html}</p></body></html>`);
    expect(normalizedText(document.body as never).text).toBe('deep');
  });

  it('counts words as runs of letters, digits and marks', () => {
    expect(countWords('It’s 2025 — naïve café, ok?')).toBe(6);
  });
});

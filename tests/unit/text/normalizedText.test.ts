import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domPositionAt, normalizedText, textOffsetOf, type TextTreeNode } from '../../../shared/text/normalizedText';

function walk(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return normalizedText(document.body as unknown as TextTreeNode);
}

describe('normalizedText (the canonical content_text rule)', () => {
  it('separates block elements by exactly one blank line, nested or not', () => {
    expect(walk('<h2>Title</h2><p>One.</p><div><p>Two.</p><blockquote><p>Three.</p></blockquote></div><ul><li>a</li><li>b</li></ul>').text).toBe(
      'Title\n\nOne.\n\nTwo.\n\nThree.\n\na\n\nb',
    );
  });

  it('collapses whitespace across inline nodes and trims at block edges', () => {
    expect(walk('<p>  Hello \n <b> big </b>\t<i>world</i>  </p><p>\u00a0next&nbsp; line </p>').text).toBe('Hello big world\n\nnext line');
  });

  it('keeps <br> as a single line break', () => {
    expect(walk('<p>line one <br> line two<br><br>three</p>').text).toBe('line one\nline two\nthree');
  });

  it('drops script, style, template and images', () => {
    expect(walk('<p>a<script>alert(1)</script><style>p{}</style><img alt="x" src="y">b</p><template><p>no</p></template>').text).toBe('ab');
  });

  it('applies NFC (decomposed é becomes one code unit) and maps it to the right DOM offsets', () => {
    const map = walk('<p>Cafe\u0301 ok</p>');
    expect(map.text).toBe('Caf\u00e9 ok');
    const seg = map.segments[0]!;
    expect(seg.domOffsets).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it('round-trips every offset: text → DOM → text', () => {
    const html =
      '<h2>Head <em>line</em></h2><p>The  <a href="#">mayor</a> said “no” 🔥 twice.<br>東京 <span> </span> <b>news</b></p><p>Zoe\u0308 end</p>';
    const map = walk(html);
    expect(map.text).toBe('Head line\n\nThe mayor said “no” 🔥 twice.\n東京 news\n\nZoë end');
    for (let offset = 0; offset < map.text.length; offset++) {
      const ch = map.text[offset]!;
      if (ch === '\n') continue;
      const pos = domPositionAt(map, offset, 'start')!;
      expect(textOffsetOf(map, pos.node, pos.offset), `offset ${offset} (${ch})`).toBe(offset);
    }
  });

  it('maps a range end at the end of a node and a start inside a separator sensibly', () => {
    const map = walk('<p>alpha</p><p>beta</p>');
    const end = domPositionAt(map, 5, 'end')!;
    expect(end.node.nodeValue).toBe('alpha');
    expect(end.offset).toBe(5);
    const start = domPositionAt(map, 6, 'start')!;
    expect(start.node.nodeValue).toBe('beta');
    expect(start.offset).toBe(0);
  });
});

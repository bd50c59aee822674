import { describe, expect, it } from 'vitest';
import { sanitizeArticle, sanitizeArticleHtml } from '../../../electron/core/clip/sanitizeConfig';

const SHA = 'a'.repeat(64);

describe('sanitizeArticleHtml (the strict allowlist every clip goes through)', () => {
  it('removes script, style, iframe, forms, svg and event handlers, keeping reading markup', () => {
    const dirty =
      '<p onclick="x()" style="color:red" class="c" id="i">Text <b>bold</b></p><script>alert(1)</script><style>p{}</style>' +
      '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"><button>Go</button></form>' +
      '<svg><script>alert(2)</script><text>svg text</text></svg><object data="x.swf"></object><embed src="x">' +
      '<h2>Heading</h2><blockquote><p>Quoted</p></blockquote><table><tr><td>cell</td></tr></table>';
    const clean = sanitizeArticleHtml(dirty);
    expect(clean).not.toMatch(/script|style|iframe|form|input|button|svg|object|embed|onclick|class=|id=/i);
    expect(clean).toContain('<p>Text <b>bold</b></p>');
    expect(clean).toContain('<h2>Heading</h2>');
    expect(clean).toContain('<blockquote><p>Quoted</p></blockquote>');
    expect(clean).toContain('<td>cell</td>');
  });

  it('keeps only http(s) and mailto links, resolving relative ones against the page URL', () => {
    const clean = sanitizeArticleHtml(
      '<a href="javascript:alert(1)">js</a><a href=" JaVaScRiPt:alert(1)">js2</a><a href="data:text/html,x">data</a>' +
        '<a href="/news/1">rel</a><a href="mailto:desk@example.org">mail</a><a href="file:///etc/passwd">file</a><a href="vbscript:x">vb</a>',
      { baseUrl: 'https://example.org/a/b' },
    );
    expect(clean).not.toMatch(/javascript|data:|file:|vbscript/i);
    expect(clean).toContain('<a href="https://example.org/news/1">rel</a>');
    expect(clean).toContain('<a href="mailto:desk@example.org">mail</a>');
    expect(clean).toContain('<a>js</a>');
  });

  it('never hot-links an image: only stored assets survive, everything else is dropped and reported', () => {
    const report = sanitizeArticle(
      `<img src="https://cdn.example.org/a.jpg" alt="remote"><img src="data:image/png;base64,iVBORw0KGgo=" alt="data">` +
        `<img srcset="https://x/1.jpg 1x" alt="srcset only"><img src="stored.png" alt="local" srcset="https://x/2.jpg 2x">` +
        `<img src="dossier-asset:${SHA}" alt="already local">`,
      { images: new Map([['stored.png', SHA]]) },
    );
    expect(report.html).toBe(`<img src="dossier-asset:${SHA}" alt="local"><img src="dossier-asset:${SHA}" alt="already local">`);
    expect(report.droppedImages).toEqual(['remote', 'data', 'srcset only']);
  });

  it('refuses malformed asset references', () => {
    expect(sanitizeArticleHtml('<img src="dossier-asset:../../etc/passwd"><img src="dossier-asset:ABC">')).toBe('');
  });

  it('keeps the text of unknown wrappers and MathML, but not of removed dangerous elements', () => {
    expect(sanitizeArticleHtml('<custom-el><p>inside</p></custom-el><math><mi>x</mi></math><noscript><p>ns</p></noscript>')).toBe('<p>inside</p>x');
  });

  it('outputs NFC text', () => {
    expect(sanitizeArticleHtml('<p>Cafe\u0301</p>')).toBe('<p>Caf\u00e9</p>');
  });
});

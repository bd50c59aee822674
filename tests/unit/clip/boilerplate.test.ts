import { describe, expect, it } from 'vitest';
import { analyzePage, extractArticle } from '../../../electron/core/clip/extract';

// Pages written for this test: each rule removes page furniture by the structure news pages share, and each has a control it must keep.
const PARA = (topic: string, n = 3): string =>
  Array.from({ length: n }, (_, i) => `<p>The council's ${topic} review, part ${i + 1}, found that the harbour budget had grown by a fifth since the last audit, and members asked for the full figures before any vote.</p>`).join('\n');

function pageInput(body: string, head: string): Parameters<typeof extractArticle>[0] {
  const html = `<!DOCTYPE html><html><head><title>Harbour audit</title>${head}</head><body><main><article><h1>Harbour audit</h1>${body}</article></main></body></html>`;
  return { bytes: Buffer.from(html), filename: 'page.html', url: 'https://news.example.org/2025/03/harbour-audit' };
}
function clip(body: string, head = '<meta name="author" content="Mara Lindqvist">'): ReturnType<typeof extractArticle> {
  return extractArticle(pageInput(body, head));
}

describe('article furniture removed by general rules', () => {
  it('leaves captions and credits out of the text but keeps the image and its caption as the image title', () => {
    const body = `${PARA('budget')}
      <figure><img src="https://news.example.org/img/dock.jpg" alt=""><figcaption>The dock at low tide. (Image credit: Jo Smith)</figcaption></figure>
      <div class="photo"><img src="https://news.example.org/img/crane.jpg" alt="crane"><span class="newsCaption">A crane idle on Monday <span class="caption">(Image: AGENCY)</span></span></div>
      <div class="caption"><p>Workers on the quay at dawn. (Photo by Lee Park/Agency)</p></div>
      <div class="wp-caption"><img src="https://news.example.org/img/quay.jpg" alt="quay"><p class="wp-caption-text">The quay, rebuilt in 1990.</p></div>
      <p class="withoutCaption">The auditor's note ran to forty pages and was published in full on the council's website.</p>
      ${PARA('dredging')}`;
    const c = clip(body);
    const analyzed = analyzePage(pageInput(body, ''));
    expect(analyzed.articleHtml).toMatch(/<img[^>]*title="The dock at low tide\. \(Image credit: Jo Smith\)"/);
    expect(c.text).not.toContain('The dock at low tide');
    expect(c.text).not.toContain('A crane idle');
    expect(c.text).not.toContain('Workers on the quay at dawn');
    expect(c.text).not.toContain('rebuilt in 1990');
    // The wrapper of the image stays; only its text part went. (Previews drop remote images, so look before the sanitizer.)
    expect(analyzed.articleHtml).toMatch(/<img[^>]*alt="quay"/);
    expect(analyzed.articleHtml).not.toContain('rebuilt in 1990');
    expect(c.text).toContain("The auditor's note ran to forty pages");
    expect(c.text).toContain("The council's dredging review, part 3");
  });

  it('drops author bio boxes and an "About the author" trailer, keeps a closing section about the subject', () => {
    const c = clip(`${PARA('budget', 4)}
      <div class="author-bio"><p>Mara Lindqvist has covered the harbour, the port and the city council for the Gazette since 2014.</p></div>
      <h2>About the study</h2><p>The study surveyed 1,200 residents between January and March and was paid for by the port authority.</p>
      <h3>About the Author</h3><p>Tomás Ferreira</p><p>Tomás writes about shipping. Contact him at tomas@example.org.</p>`);
    expect(c.text).not.toContain('has covered the harbour since 2014');
    expect(c.text).not.toContain('Tomás writes about shipping');
    expect(c.text).toContain('The study surveyed 1,200 residents');
  });

  it('drops promo links and "more stories" lists to the same site, keeps links to sources and calls to action', () => {
    const c = clip(`${PARA('budget')}
      <p><strong>SEE MORE</strong>: <a href="/2025/02/harbour-vote">Harbour vote delayed again after row</a></p>
      <p><a href="https://news.example.org/2025/01/ferry">FERRY OPERATOR WARNS OF WINTER CUTS</a></p>
      <p>DON'T MISS</p><p><a href="/a">Port strike ends</a> [INSIGHT]<br><a href="/b">Mayor quits</a> [VIDEO]</p>
      <p><strong>MORE ON THIS STORY</strong><br><a href="/c">Dredging firm named in report</a> [LATEST]</p>
      <p><strong>DON'T MISS</strong><br><strong><a href="/d">Ferry fares to rise</a> [INSIGHT]</strong><br><strong><a href="/e">Pier closed for repairs</a> [LATEST]</strong></p>
      <p>Read more about the audit in the <a href="https://audit.example.gov/report">full report</a>.</p>
      <p><a href="https://news.example.org/results.pdf">Click for the full audit results table</a></p>
      ${PARA('dredging')}
      <ul><li><a href="https://news.example.org/x">Harbour master resigns over audit</a></li><li><a href="/y">What the dredging plan means for you</a></li></ul>
      <ul><li><a href="https://audit.example.gov/a">Audit Office: harbour accounts 2024</a></li><li><a href="https://port.example.com/b">Port authority response to the audit</a></li></ul>`);
    for (const gone of ['Harbour vote delayed', 'FERRY OPERATOR', "DON'T MISS", 'Port strike ends', 'Dredging firm named', 'Ferry fares to rise', 'Pier closed', 'Harbour master resigns', 'What the dredging plan means']) expect(c.text).not.toContain(gone);
    for (const kept of ['Read more about the audit in the full report', 'Click for the full audit results table', 'Audit Office: harbour accounts 2024', 'Port authority response']) expect(c.text).toContain(kept);
  });

  it('drops byline and contact lines naming the authors, and press-release company boilerplate after a rule', () => {
    const c = clip(`<p>By Mara Lindqvist</p>${PARA('budget', 4)}
      <p>Email Mara Lindqvist at mara@example.org or follow her @maral on Twitter.</p>
      <p>Email the council at objections@council.example.gov or follow the consultation at @harbourplan to object before 1 May.</p>
      <hr><p>Example Ports is a global operator of container terminals, headquartered in Rotterdam with 3,000 staff.</p>`);
    expect(c.text).not.toContain('By Mara Lindqvist');
    expect(c.text).not.toContain('Email Mara Lindqvist');
    expect(c.text).not.toContain('global operator of container terminals');
    expect(c.text).toContain("The council's budget review, part 4");
    expect(c.text).toContain("Email the council at objections@council.example.gov");
  });

  it('keeps the article, not the longer teasers, on a page whose "You may also like" section outweighs it', () => {
    const teaser = (i: number): string =>
      `<article><a href="/post-${i}">Post ${i}</a><p>${'A different story about gardens and weather and the long summer evenings by the sea. '.repeat(6)}</p></article>`;
    const html = `<!DOCTYPE html><html><head><title>Only those who love</title></head><body><div id="primary">
      <article><h1>Only those who love</h1><p>${'Living a true experience of love is one of the great pleasures of life, and it asks for courage. '.repeat(4)}</p></article>
      <section><h3>You may also like...</h3>${[1, 2, 3, 4, 5].map(teaser).join('')}</section></div></body></html>`;
    const c = extractArticle({ bytes: Buffer.from(html), filename: 'page.html', url: 'https://blog.example.org/only-those' });
    expect(c.text).toContain('Living a true experience of love');
    expect(c.text).not.toContain('gardens and weather');
  });
});

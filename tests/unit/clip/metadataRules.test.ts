import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/clip/extract';
import { titleWithoutSiteName } from '../../../electron/core/clip/metadata';

// Small hand-made pages, each reproducing one pattern seen on real saved pages (#14); no site is named in the rules.
const BODY = `<p>${'The harbour committee met on Tuesday and heard evidence from the engineers about the dredging costs and the silt. '.repeat(5)}</p>`;
const clip = (head: string, body: string, title = 'Harbour dredging') =>
  extractArticle({ bytes: Buffer.from(`<!DOCTYPE html><html lang="en"><head><title>${title}</title>${head}</head><body>${body}</body></html>`), filename: 'page.html' });
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('metadata the citations can trust', () => {
  it('a fact check names its own writer, not the author of the claim it checks (microdata), and never splits an organisation', () => {
    const page = clip(
      '',
      `<h1>Harbour dredging</h1>
       <div itemscope itemtype="https://schema.org/ClaimReview">
         <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">
           <span itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Democrats and Republicans</span></span>
         </div>
       </div>
       <p class="byline">By Jane Checker</p>${BODY}`,
    );
    expect(page.metadata.authors).toEqual(['Jane Checker']);
  });

  it('a fact check in JSON-LD: the ClaimReview and Claim authors are left out; an organisation author stays one name', () => {
    const checked = clip(
      ld({ '@context': 'https://schema.org', '@type': ['ClaimReview', 'Article'], author: { '@type': 'Organization', name: 'Democrats and Republicans' }, itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'Democrats and Republicans' } } }) +
        '<meta name="author" content="Jane Checker">',
      `<h1>Harbour dredging</h1>${BODY}`,
    );
    expect(checked.metadata.authors).toEqual(['Jane Checker']);
    const byOrganisation = clip(ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Harbour dredging', author: { '@type': 'Organization', name: 'Reporters and Editors Guild' } }), `<h1>Harbour dredging</h1>${BODY}`);
    expect(byOrganisation.metadata.authors).toEqual(['Reporters and Editors Guild']);
    const twoPeople = clip(ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jane Doe and John Roe' } }), `<h1>Harbour dredging</h1>${BODY}`);
    expect(twoPeople.metadata.authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('reads <meta property="article:published" itemprop="datePublished"> rather than the modified date', () => {
    const page = clip(
      ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2019-11-20T09:29:08Z', dateModified: '2019-11-20T09:29:08Z' }) +
        '<meta property="article:modified_time" content="2019-11-20T09:29:08Z">',
      `<h1>Harbour dredging</h1><article><meta property="article:published" itemprop="datePublished" content="2019-11-19T14:02:00Z">${BODY}</article>`,
    );
    expect(page.metadata.publishedAt).toBe('2019-11-19T14:02:00.000Z');
    expect(page.metadata.modifiedAt).toBe('2019-11-20T09:29:08.000Z');
    const onlyUpdated = clip('<meta property="og:updated_time" content="2019-11-20T09:29:08Z"><meta property="article:published" content="2019-11-19T14:02:00Z">', `<h1>Harbour dredging</h1>${BODY}`);
    expect(onlyUpdated.metadata.publishedAt).toBe('2019-11-19T14:02:00.000Z');
  });

  it('drops a site suffix from the title when it is the site name (as stated or as the address)', () => {
    expect(clip('<meta property="og:site_name" content="The Hill">', `<h1>Harbour dredging</h1>${BODY}`, 'Harbour dredging | TheHill').metadata.title).toBe('Harbour dredging');
    expect(titleWithoutSiteName('Harbour dredging - Coastal Ledger', [null, 'coastal-ledger.example'])).toBe('Harbour dredging');
    expect(titleWithoutSiteName('Harbour dredging | TheHill', ['The Hill'])).toBe('Harbour dredging');
    // Not the site name: a subtitle stays.
    expect(titleWithoutSiteName('Harbour dredging: what the minutes say', ['The Hill'])).toBe('Harbour dredging: what the minutes say');
    expect(titleWithoutSiteName('Harbour dredging | Opinion', ['The Hill'])).toBe('Harbour dredging | Opinion');
  });

  it('the body does not start with a linked name\'s hover card', () => {
    const page = clip('', `<h1>Harbour dredging</h1><p><a href="/people/kristi-noem">Kristi Noem</a><span class="card">Kristi Lynn Noem Secretary of Homeland Security since 2025 MORE</span> said the harbour committee met on Tuesday.</p>${BODY}`);
    expect(page.text.startsWith('Kristi Noem said the harbour committee met on Tuesday.')).toBe(true);
    expect(page.text).not.toContain('MORE');
    // A name followed by ordinary words that happen to end in "more" is text.
    const prose = clip('', `<h1>Harbour dredging</h1><p>Ask <a href="/people/ann">Ann</a> <em>Ann wants more</em> and the harbour committee met.</p>${BODY}`);
    expect(prose.text).toContain('Ann wants more');
  });

  it('names the outlet as the publisher writes it, not as its address', () => {
    const page = clip('<meta name="application-name" content="thehill.com">' + ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'The Hill' } }), `<h1>Harbour dredging</h1>${BODY}`);
    expect(page.metadata.siteName).toBe('The Hill');
    const stated = clip('<meta property="og:site_name" content="thehill.com">' + ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'The Hill' } }), `<h1>Harbour dredging</h1>${BODY}`);
    expect(stated.metadata.siteName).toBe('The Hill');
  });
});

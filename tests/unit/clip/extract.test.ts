import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/clip/extract';
import { normalizeDate, splitAuthors } from '../../../electron/core/clip/metadata';
import { isResidue } from '../../../electron/core/clip/residue';
import { SEED_ARTICLE } from '../../helpers/fixtures';

const SEED = SEED_ARTICLE;
const HARBOUR = new URL('../../fixtures/clip/harbour-report.html', import.meta.url);

function page(head: string, body: string): Buffer {
  return Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
}
const LONG = (n: number, word = 'reporting'): string => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');

describe.skipIf(!existsSync(SEED))(`the seed article (${existsSync(SEED) ? 'fixture present' : `skipped: ${SEED} is absent`})`, () => {
  it('clips exactly as the fixture README describes', () => {
    const raw = readFileSync(SEED, 'utf8');
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    const clip = extractArticle({ bytes: Buffer.from(raw), filename: 'seed-article.txt' });
    expect(clip.metadata.title).toBe('U.S. Military Strikes Escalate: Trump Targets Venezuelan Cartels in Armed Conflict');
    const headings = [...clip.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'An Escalation of Force',
      'Direct Targets, Diplomatic Fallout',
      'Strategic and Legal Implications',
      'A Growing Body Count, Mounting Questions',
      'Shifting From Sanctions to Strikes',
      'Uncertain Future, High Stakes',
    ]);
    const blocks = clip.text.split('\n\n');
    const bodyLines = lines.slice(1, -1);
    // Every body paragraph and heading intact, in order, each its own block; the title is not repeated in the body.
    expect(blocks).toEqual(bodyLines.map((l) => l.trim().normalize('NFC')));
    expect(clip.text).not.toContain('indicates required fields');
    expect(clip.html).not.toContain('indicates required fields');
    expect(clip.text).toContain('“Maduro doesn’t wanna f*ck around with the United States”');
  });
});

describe('extraction from HTML', () => {
  it('reads a saved news page: JSON-LD @graph metadata, canonical URL, residue removed, hostile markup gone', () => {
    const clip = extractArticle({ bytes: readFileSync(HARBOUR), filename: 'harbour-report.html' });
    const m = clip.metadata;
    expect(m.title).toBe('Harbour dredging report leaves council split');
    expect(m.authors).toEqual(['Mara Lindqvist', 'Tomás Ferreira']);
    expect(m.siteName).toBe('Example Gazette');
    expect(m.publishedAt).toBe('2025-03-14T08:30:00.000Z');
    expect(m.modifiedAt).toBe('2025-03-14T11:05:00.000Z');
    expect(m.canonicalUrl).toBe('https://news.example.org/2025/03/harbour-dredging-report');
    expect(m.lang).toBe('en-GB');
    expect(m.leadImageUrl).toBe('https://cdn.example.org/harbour-lead.jpg');
    expect(m.fieldStatus).toMatchObject({ title: 'found', authors: 'found', publishedAt: 'found', leadImage: 'found' });
    expect(clip.text).toContain('£18.4 million');
    expect(clip.text).toContain('Silt and contamination');
    for (const residue of ['indicates required fields', 'Share this', 'Subscribe', 'uses cookies', 'Accept all']) expect(clip.text).not.toContain(residue);
    expect(clip.html).not.toMatch(/<script|onerror|javascript:|cdn\.example\.org/);
    expect(clip.html).toContain('href="https://news.example.org/2025/02/harbour-vote"');
    expect(clip.wordCount).toBeGreaterThan(150);
  });

  it('takes metadata from OpenGraph, article:*, parsely and <time> when there is no JSON-LD', () => {
    const clip = extractArticle({
      bytes: page(
        '<title>T</title><meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2024-11-02T10:00:00-05:00"><meta name="parsely-author" content="Ana Ruiz"><meta property="article:modified_time" content="2024-11-03">',
        `<article><h1>Headline</h1><p>${LONG(80)}</p><p>${LONG(60)}</p></article>`,
      ),
      filename: 'a.html',
    });
    expect(clip.metadata).toMatchObject({ siteName: 'The Courier', publishedAt: '2024-11-02T15:00:00.000Z', modifiedAt: '2024-11-03', authors: ['Ana Ruiz'], byline: 'Ana Ruiz' });
    const timeOnly = extractArticle({ bytes: page('<title>T</title>', `<article><p class="byline">By Jo Bloggs</p><time datetime="2023-05-06">6 May</time><p>${LONG(90)}</p></article>`), filename: 'b.html' });
    expect(timeOnly.metadata.publishedAt).toBe('2023-05-06');
    expect(timeOnly.metadata.authors).toEqual(['Jo Bloggs']);
    expect(timeOnly.metadata.fieldStatus.siteName).toBe('missing');
  });

  it('warns when extraction drops paragraphs of the page’s main text, and not when it keeps them', () => {
    const kept = Array.from({ length: 3 }, (_, i) => `<p>${LONG(60, `kept${i}x`)}</p>`).join('');
    // Readability discards blocks whose class looks like page furniture, even mid-article (the complaint in obsidian-clipper#308).
    const dropped = Array.from({ length: 3 }, (_, i) => `<p class="supplemental">${LONG(50, `lost${i}x`)}</p>`).join('');
    const lossy = extractArticle({ bytes: page('<title>T</title>', `<div id="story">${kept}${dropped}</div>`), filename: 'loss.html' });
    expect(lossy.text).not.toContain('lost0x');
    expect(lossy.warnings.find((w) => w.includes('lost text'))).toMatch(/3 paragraphs \(about 150 words\)/);
    const whole = extractArticle({ bytes: page('<title>T</title>', `<div id="story">${kept}</div>`), filename: 'ok.html' });
    expect(whole.warnings.some((w) => w.includes('lost text'))).toBe(false);
  });
});

describe('decoding', () => {
  const body = (text: string): string => `<html><head><title>x</title>META</head><body><article><p>${text} ${LONG(60)}</p></article></body></html>`;
  it('honours <meta charset> (windows-1252, Shift_JIS), a UTF-8 BOM and gzip', () => {
    const latin = Buffer.from(body('Café naïve façade').replace('META', '<meta charset="windows-1252">'), 'latin1');
    expect(extractArticle({ bytes: latin, filename: 'a.html' }).text).toContain('Café naïve façade');
    const sjis = new Uint8Array([...Buffer.from('<html><head><meta charset="shift_jis"></head><body><article><p>'), 0x82, 0xa0, 0x82, 0xa2, ...Buffer.from(` ${LONG(60)}</p></article></body></html>`)]);
    expect(extractArticle({ bytes: sjis, filename: 'a.html' }).text).toContain('あい');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body('Zoë').replace('META', ''))]);
    expect(extractArticle({ bytes: bom, filename: 'a.htm' }).text).toContain('Zoë');
    const gz = gzipSync(Buffer.from(body('Gzipped über').replace('META', '<meta charset="utf-8">')));
    expect(extractArticle({ bytes: gz, filename: 'page.html.gz' }).text).toContain('Gzipped über');
  });

  it('reads a page that says UTF-8 but is windows-1252, with a warning', () => {
    const lying = Buffer.from(body('Ça coûte très cher à Genève, déjà été').replace('META', '<meta charset="utf-8">'), 'latin1');
    const clip = extractArticle({ bytes: lying, filename: 'a.html' });
    expect(clip.text).toContain('Ça coûte très cher à Genève');
    expect(clip.warnings.join(' ')).toMatch(/windows-1252/);
  });

  it('an HTTP charset wins over the <meta>', () => {
    const bytes = Buffer.from(body('Ñandú').replace('META', '<meta charset="utf-8">'), 'latin1');
    expect(extractArticle({ bytes, contentType: 'text/html; charset=ISO-8859-1' }).text).toContain('Ñandú');
  });
});

describe('plain text and Markdown', () => {
  it('hard-wrapped text: paragraphs rejoined, headings found, residue dropped', () => {
    const clip = extractArticle({ bytes: Buffer.from('My Title\n\nFirst line of a paragraph\nthat continues here.\n\nA Section\n\nSecond paragraph.\n\nSubscribe\n'), filename: 'n.txt' });
    expect(clip.metadata.title).toBe('My Title');
    expect(clip.html).toBe('<p>First line of a paragraph that continues here.</p>\n<h2>A Section</h2>\n<p>Second paragraph.</p>');
    expect(clip.text).toBe('First line of a paragraph that continues here.\n\nA Section\n\nSecond paragraph.');
  });

  it('Markdown: rendered without raw HTML, title from the first line', () => {
    const clip = extractArticle({ bytes: Buffer.from('# The Title\n\nSome *emphasis* and <script>alert(1)</script>.\n\n## Part two\n\nMore text here.\n'), filename: 'n.md' });
    expect(clip.metadata.title).toBe('The Title');
    expect(clip.html).toContain('<em>emphasis</em>');
    expect(clip.html).not.toContain('<script');
    expect(clip.html).toContain('<h2>Part two</h2>');
  });
});

describe('helpers', () => {
  it('recognises residue only when a whole block is residue', () => {
    expect(isResidue('"*" indicates required fields')).toBe(true);
    expect(isResidue('Share this:')).toBe(true);
    expect(isResidue('Subscribe')).toBe(true);
    expect(isResidue('We use cookies to give you the best experience. By continuing you agree.')).toBe(true);
    expect(isResidue('Readers who subscribe to the paper were told on Monday.')).toBe(false);
    expect(isResidue('Share prices fell 4% on Tuesday.')).toBe(false);
  });

  it('splits bylines and normalizes dates', () => {
    expect(splitAuthors('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitAuthors('ByTravis Haney')).toEqual(['Travis Haney']);
    expect(splitAuthors('Byron Smith')).toEqual(['Byron Smith']);
    expect(splitAuthors('https://example.org/author/x')).toEqual([]);
    expect(normalizeDate('2016-12-09 09:13:00Z')).toBe('2016-12-09T09:13:00.000Z');
    expect(normalizeDate('2019-04-15')).toBe('2019-04-15');
    expect(normalizeDate('1480000000')).toBe('2016-11-24T15:06:40.000Z');
    expect(normalizeDate('not a date')).toBeNull();
  });
});

describe('pasted HTML', () => {
  it('reads a fragment without <html> or <body>', () => {
    const clip = extractArticle({ bytes: Buffer.from(`<h1>Tide gauge</h1><p class="byline">By Ines Duarte</p><p>${LONG(40)}</p>`), format: 'html' });
    expect(clip.metadata.authors).toEqual(['Ines Duarte']);
    expect(clip.wordCount).toBeGreaterThan(40);
  });
});

describe('page furniture', () => {
  it('recognises datelines, credits and related-link lines, not sentences that contain them', () => {
    for (const line of ['PUBLISHED: 10:48, Tue, Nov 19, 2019', '| UPDATED: 11:05, Tue, Nov 19, 2019', 'Published 11:11 PM EST Nov 19, 2019', 'November 20, 2019', 'Image copyright Getty Images', 'Media playback is unsupported on your device', '1 of 6', 'Read more: Tencent profit falls', 'DON\'T MISS', '5 minute read'])
      expect(isResidue(line), line).toBe(true);
    for (const line of ['On November 20, 2019, the council met at 10:30.', '2019', 'Photographs taken on Tuesday show the damage.', 'Read the full report, which runs to 300 pages, on the council website.'])
      expect(isResidue(line), line).toBe(false);
  });
});

describe('menus and credits inside the article body', () => {
  it('drops a menu of bare links and a photo credit, keeps real lists and inline text', () => {
    const menu = '<ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li></ul>';
    const sources = '<ul><li><a href="https://a.example/r">The council report</a> published in May</li><li>An interview with the harbour master</li><li>Port authority figures</li></ul>';
    const clip = extractArticle({
      bytes: page('<title>T</title>', `<article>${menu}<p>${LONG(70)}</p><figure><span>Photo: Ana Ruiz</span></figure><p>Readers can <span>Subscribe</span> at the desk. ${LONG(40)}</p>${sources}</article>`),
      filename: 'menu.html',
    });
    expect(clip.text).not.toMatch(/News\n\nSport/);
    expect(clip.text).not.toContain('Photo: Ana Ruiz');
    expect(clip.text).toContain('Readers can Subscribe at the desk.');
    expect(clip.text).toContain('The council report published in May');
  });
});

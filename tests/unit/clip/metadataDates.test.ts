import { describe, expect, it } from 'vitest';
import { findDateInText, normalizeDate, zoneHintForLanguage } from '../../../electron/core/clip/dates';
import { extractArticle } from '../../../electron/core/clip/extract';

const BODY = `<p>${'The harbour committee met on Tuesday and heard evidence from the engineers about the dredging costs and the silt. '.repeat(5)}</p>`;
const meta = (head: string, body: string, lang = 'en'): ReturnType<typeof extractArticle>['metadata'] =>
  extractArticle({ bytes: Buffer.from(`<!DOCTYPE html><html lang="${lang}"><head><title>Harbour</title>${head}</head><body>${body}</body></html>`), filename: 'page.html' }).metadata;

describe('dates as pages write them', () => {
  it('never depends on the machine time zone: named zones, US generic zones with daylight time, and bare wall-clock times', () => {
    expect(normalizeDate('Dec 22, 2016 6:47 PM CST')).toBe('2016-12-23T00:47:00.000Z');
    expect(normalizeDate('Dec 22, 2016 6:47 PM ET')).toBe('2016-12-22T23:47:00.000Z'); // EST in December
    expect(normalizeDate('July 4, 2019 at 5:45 p.m. ET')).toBe('2019-07-04T21:45:00.000Z'); // EDT in July
    expect(normalizeDate('March 10, 2019 1:30 AM ET')).toBe('2019-03-10T06:30:00.000Z'); // before the 2 a.m. switch
    expect(normalizeDate('March 10, 2019 3:30 AM ET')).toBe('2019-03-10T07:30:00.000Z'); // after it
    expect(normalizeDate('2019-04-19T09:39:34+0900')).toBe('2019-04-19T00:39:34.000Z');
    expect(normalizeDate('Tue, 15 Nov 1994 08:12:31 GMT')).toBe('1994-11-15T08:12:31.000Z');
    // No zone and no hint: the publisher's wall clock, not this machine's zone.
    expect(normalizeDate('Thursday, December 22, 2016, 06:47 PM')).toBe('2016-12-22T18:47:00');
    expect(normalizeDate('December 14, 2016')).toBe('2016-12-14');
    expect(normalizeDate('2019-02-30')).toBeNull();
    expect(normalizeDate('1899-01-01')).toBeNull();
  });

  it('reads Japanese and numeric dates, in Japan time when the page is Japanese', () => {
    const ja = zoneHintForLanguage('ja-JP');
    expect(normalizeDate('2019年3月15日 09:43', ja)).toBe('2019-03-15T00:43:00.000Z');
    expect(normalizeDate('2019年04月13日 09時00分', ja)).toBe('2019-04-13T00:00:00.000Z');
    expect(normalizeDate('2019年4月3日（水）午後3時05分', ja)).toBe('2019-04-03T06:05:00.000Z');
    expect(normalizeDate('2019/04/04')).toBe('2019-04-04');
    expect(findDateInText('By.KJ : 2019年04月04日 09:00', ja)).toBe('2019-04-04T00:00:00.000Z');
    expect(findDateInText('Posted on March 3, 2019')).toBe('2019-03-03');
    expect(findDateInText('Chapter 12, page 2019')).toBeNull();
  });
});

describe('page metadata signals', () => {
  it('takes the article\'s <time> after the headline, not a teaser\'s before it', () => {
    const m = meta('', `<aside><time datetime="2019-03-11T16:10:40+09:00">3/11</time></aside><h1>Harbour</h1><time datetime="2019-04-19T09:39:34+09:00">4/19</time>${BODY}`);
    expect(m.publishedAt).toBe('2019-04-19T00:39:34.000Z');
  });

  it('reads relative-time elements, microdata datePublished and dc.date', () => {
    expect(meta('', `<h1>Harbour</h1><relative-time datetime="2020-07-07T12:10:51Z">on Jul 7</relative-time>${BODY}`).publishedAt).toBe('2020-07-07T12:10:51.000Z');
    expect(meta('', `<h1>Harbour</h1><span itemprop="datePublished" content="2021-05-06">May 6</span>${BODY}`).publishedAt).toBe('2021-05-06');
    expect(meta('<meta name="DC.date" content="2018-02-03">', BODY).publishedAt).toBe('2018-02-03');
  });

  it('reads a visible Japanese date and byline on a Japanese page', () => {
    const m = meta('', `<h1>港の監査</h1><ul class="meta"><li>2019/04/04</li></ul><p class="by">文：山田太郎</p>${BODY}`, 'ja');
    expect(m.publishedAt).toBe('2019-04-04');
    expect(m.authors).toEqual(['山田太郎']);
    expect(meta('', `<h1>港の監査</h1><span class="writer">松村太郎</span><p class="posted">2019年3月15日 09:43</p>${BODY}`, 'ja')).toMatchObject({
      authors: ['松村太郎'],
      publishedAt: '2019-03-15T00:43:00.000Z',
    });
    expect(meta('', `<h1>港の監査</h1><a href="/author/180/">著者：後藤大地</a>${BODY}`, 'ja').authors).toEqual(['後藤大地']);
  });

  it('finds "By <author link>" under the headline rather than a byline in a related list above it', () => {
    const m = meta('', `<ul><li><span class="byline">By <a class="byline" href="/author/caitlin">Caitlin Clark</a></span></li></ul><h1>Harbour</h1><div><span>By </span><a href="/profile/teresa-newsome-1">Teresa Newsome</a></div>${BODY}`);
    expect(m.authors).toEqual(['Teresa Newsome']);
  });

  it('prefers a written name to a CMS user name, and uses Twitter\'s "Written by" only when nothing else names the author', () => {
    expect(meta('<meta name="sailthru.author" content="mikecason"><meta name="byline" content="Mike Cason | mcason@al.com">', BODY).authors).toEqual(['Mike Cason']);
    expect(meta('<meta name="twitter:label1" value="Written by"><meta name="twitter:data1" value="Ellyn Shook">', BODY).authors).toEqual(['Ellyn Shook']);
    expect(meta('<meta name="author" content="Jane Roe, John Doe">', BODY).authors).toEqual(['Jane Roe', 'John Doe']);
    expect(meta('<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Rui Costa"}]}</script>', BODY).authors).toEqual(['Ana Lima', 'Rui Costa']);
  });
});

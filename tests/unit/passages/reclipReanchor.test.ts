import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { clipSource } from '../../../electron/core/services/clip';
import { makeTestCore } from '../../helpers/core';

const URL_OF_PAGE = 'https://harbour-ledger.example/2026/dredging';
const KEPT = 'The port authority signed the dredging contract on a Sunday, two days before the tender closed.';
const EDITED = 'The deputy chair said the board had not seen the final price when it voted to approve the deal.';
const DELETED = 'A spokesperson for the contractor declined to say how many bidders had been invited to tender.';

function page(paragraphs: string[]): string {
  return `<!doctype html><html><head><title>Dredging contract signed before tender closed</title>
    <link rel="canonical" href="${URL_OF_PAGE}"></head>
    <body><article><h1>Dredging contract signed before tender closed</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

describe('re-clipping an article re-anchors its passages in the same transaction', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('keeps an unchanged passage ok, marks an edited one changed and a deleted one orphan', async () => {
    const first = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: page([KEPT, EDITED, DELETED]) }, { originalUrl: URL_OF_PAGE });
    expect(first.status).toBe('clipped');
    const ids: number[] = [];
    for (const text of [KEPT, EDITED, DELETED]) {
      const found = await dispatch(core.handlers, 'passages.find', { articleId: first.articleId!, text });
      expect(found.ok, JSON.stringify(found)).toBe(true);
      ids.push((found as { value: { id: number } }).value.id);
    }

    const revised = EDITED.replace('had not seen', 'had never seen');
    const second = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: page([KEPT, revised, 'An unrelated closing paragraph about the weather at the harbour that week.']) }, { originalUrl: URL_OF_PAGE });
    expect(second).toMatchObject({ status: 'new-version', articleId: first.articleId });

    const statuses = [];
    for (const id of ids) {
      const passage = await dispatch(core.handlers, 'passages.get', { id });
      statuses.push((passage as { value: { anchor: { status: string } } }).value.anchor.status);
    }
    expect(statuses).toEqual(['ok', 'changed', 'orphan']);
  });
});

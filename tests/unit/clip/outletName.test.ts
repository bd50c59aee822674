import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/clip/extract';

// Hand-made pages reproducing what a real fact-check page states (#14's intake table): its og:site_name is a handle.
const BODY = `<p>${'The harbour committee met on Tuesday and heard evidence from the engineers about the dredging costs and the silt. '.repeat(5)}</p>`;
const clip = (head: string, title: string) =>
  extractArticle({ bytes: Buffer.from(`<!DOCTYPE html><html lang="en"><head><title>${title}</title>${head}</head><body><h1>Harbour dredging</h1>${BODY}</body></html>`), filename: 'page.html' });

describe('outlet names are the publisher’s, not a handle or an address', () => {
  it('an og:site_name that is a handle gives way to the title’s site segment that begins with it', () => {
    expect(clip('<meta property="og:site_name" content="@portfact">', 'Harbour dredging | PortFact West Coast').metadata.siteName).toBe('PortFact West Coast');
  });

  it('a handle with no such segment loses only its "@"; a stated name is kept as stated', () => {
    expect(clip('<meta property="og:site_name" content="@portfact">', 'Harbour dredging').metadata.siteName).toBe('portfact');
    expect(clip('<meta property="og:site_name" content="Coastal Ledger">', 'Harbour dredging | Something Else').metadata.siteName).toBe('Coastal Ledger');
  });
});

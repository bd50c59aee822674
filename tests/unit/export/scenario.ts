import type { Db } from '../../../db/connection';
import {
  HARBOUR_ARTICLE,
  SEED_ARTICLE,
  blockQuote,

  heading,
  inlineQuote,
  insertArticle,
  insertNote,
  insertPassage,
  paragraph,
  readTextArticle,
  stateJson,
  text,
} from '../../helpers/exportFixtures';

/** Seed-article passages, found in the text at test time (the fixture is never copied into the repo). */
export interface SeedPassages {
  title: string;
  block: string;
  inline: string;
}

export function seedPassages(): SeedPassages | undefined {
  const seed = readTextArticle(SEED_ARTICLE);
  if (!seed) return undefined;
  const start = seed.text.indexOf('Since the initial strike');
  const inline = 'unlawful armed combatants';
  if (start === -1 || !seed.text.includes(inline)) return undefined;
  const block = seed.text.slice(start, seed.text.indexOf('.', start) + 1);
  return { title: seed.title, block, inline };
}

/**
 * The golden note: three quotes from two articles, the seed article (block and
 * inline quote, both verbatim) and our own harbour article (an inline quote
 * the journalist altered: "not" became "never").
 */
export function buildGoldenNote(db: Db): { noteId: number; seed: SeedPassages } {
  const seedText = readTextArticle(SEED_ARTICLE)!;
  const seed = seedPassages()!;
  const harbour = readTextArticle(HARBOUR_ARTICLE)!;
  const seedRef = insertArticle(db, {
    title: seedText.title,
    text: seedText.text,
    authors: ['Staff Reporter'],
    outlet: 'Seed Wire',
    url: 'https://seed.example/world/strikes?utm_source=feed#top',
    publishedAt: '2025-11-02',
    clippedAt: '2025-11-03T08:15:00.000Z',
  });
  const harbourRef = insertArticle(db, {
    title: harbour.title,
    text: harbour.text,
    authors: ['Mira Castell', 'Jon Ede'],
    outlet: 'The Coastal Ledger',
    url: 'https://coastal-ledger.example/2026/03/harbour-dredging',
    publishedAt: '2026-03-02T06:00:00.000Z',
    clippedAt: '2026-03-04T12:00:00.000Z',
  });
  const pBlock = insertPassage(db, seedRef, seedText.text, seed.block);
  const pInline = insertPassage(db, seedRef, seedText.text, seed.inline);
  const pHarbour = insertPassage(db, harbourRef, harbour.text, 'Waiting for a tender was not an option.');
  const noteId = insertNote(
    db,
    'Emergency powers: two contracts',
    stateJson(
      heading('h2', text('What the record shows')),
      paragraph(text('The port chair said '), inlineQuote(pHarbour, 'Waiting for a tender was never an option.'), text(' The minutes disagree.')),
      blockQuote(pBlock, seed.block),
      paragraph(text('The administration calls cartel members '), inlineQuote(pInline, seed.inline), text(', a '), text('legal', 2), text(' choice.')),
    ),
  );
  return { noteId, seed };
}

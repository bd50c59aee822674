import type { Migration } from '../migrate';
import { m001Notes } from './001-notes';
import { m002Articles } from './002-articles';
import { m003Passages } from './003-passages';
import { m004Search } from './004-search';
import { m005ProjectsTags } from './005-projects-tags';
import { m006Durability } from './006-durability';
import { m007CompactVersions } from './007-compact-versions';
import { m008QuoteSearch } from './008-quote-search';
import { m009PurgeDeletedText } from './009-purge-deleted-text';
import { m010Trash } from './010-trash';
import { m011Facts } from './011-facts';
import { m012HighlightLabels } from './012-highlight-labels';
import { m013FactExtractorVersion } from './013-fact-extractor-version';

/** Append only. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  m001Notes,
  m002Articles,
  m003Passages,
  m004Search,
  m005ProjectsTags,
  m006Durability,
  m007CompactVersions,
  m008QuoteSearch,
  m009PurgeDeletedText,
  m010Trash,
  m011Facts,
  m012HighlightLabels,
  m013FactExtractorVersion,
];

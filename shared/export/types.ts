/**
 * What the Markdown exporter needs to know about the world, as plain data.
 * The exporter never reads the database: callers hand it a CitationSource,
 * so it works the same over the passages table, a test fixture or an archive.
 */

/** How a passage's anchor in its article currently stands (set by the quoting pipeline). */
export type AnchorStatus = 'ok' | 'changed' | 'orphan';

export interface CitedArticle {
  id: number;
  title: string;
  authors: string[];
  /** Publication or site name ("The Ledger"). */
  outlet: string | null;
  /** As stored: an ISO date or date-time, or null when unknown. */
  publishedAt: string | null;
  /** The page's address; only http(s) URLs are ever linked. */
  url: string | null;
  /** When the version this passage quotes was clipped (the "accessed" date). */
  accessedAt: string | null;
}

export interface CitedPassage {
  passageId: number;
  /** The passage's words as clipped: the ground truth a quote in a note is checked against. */
  exact: string;
  prefix: string;
  suffix: string;
  status: AnchorStatus;
  /** How many times `exact` occurs in its version's text, when known: >1 makes context necessary. */
  occurrences?: number;
  article: CitedArticle;
}

export interface CitationSource {
  /** undefined when the passage does not exist (deleted, or a note imported from elsewhere). */
  passage(passageId: number): CitedPassage | undefined;
}

export type CitationStyle = 'footnotes' | 'inline';

export interface MarkdownOptions {
  citationStyle: CitationStyle;
  /** Obsidian-compatible output: `^block-id`s on quotes and `[[wikilinks]]` to exported sources. */
  obsidian: boolean;
  /**
   * Where an article's exported Markdown copy lives, relative to the note's file
   * and without the `.md` extension (e.g. `../sources/City awarded water contract`);
   * undefined when sources are not exported alongside.
   */
  sourcePath?: (articleId: number) => string | undefined;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { citationStyle: 'footnotes', obsidian: false };

export interface NoteForExport {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  projects: string[];
  /** Lexical's serialized editor state, as stored. */
  contentJson: string;
}

/**
 * Facts extracted from one article version's clean text (`article_versions.content_text`,
 * see shared/text/normalizedText.ts): who said what, named entities, figures and dates.
 * Offsets are UTF-16 code-unit offsets into that text, end exclusive, the same
 * convention passages use, so a fact can be anchored and quoted like a passage.
 *
 * This is the shape `dossier facts --dry-run --json FILE` prints (issue #13): keep
 * the field names exactly; add fields only as optional extras.
 */

export type EntityType = 'person' | 'org' | 'place';
export type DatePrecision = 'day' | 'month' | 'year';

export interface TextSpan {
  start: number;
  end: number;
}

/** A direct quote or reported speech and who it is credited to. */
export interface ExtractedQuote extends TextSpan {
  /** The attributed words (for a direct quote, without the quotation marks). `start`/`end` cover them. */
  text: string;
  /** The words naming the speaker as written: "Secretary of State Marco Rubio", "she", "sources close to the military". */
  source: string;
  /** The speaker resolved to an entity's canonical name ("Marco Rubio"), or null when unresolved or anonymous. */
  speaker: string | null;
  /** The cue as written: "said", "stating", "according to", "denounced … as". */
  cue: string;
  /** True for unnamed sources ("officials", "sources close to…"). */
  anonymous: boolean;
  /** Optional extras. */
  kind?: 'direct' | 'indirect';
  sourceSpan?: TextSpan;
}

export interface ExtractedEntity {
  /** Canonical name (the longest full form seen: "Marco Rubio"). */
  name: string;
  type: EntityType;
  /** Other forms that refer to it in this text ("Rubio", "Secretary of State Marco Rubio"). */
  aliases: string[];
  mentions: TextSpan[];
}

export interface ExtractedFigure extends TextSpan {
  /** As written: "more than thirty strikes". */
  text: string;
  /** Normalised number: 30; "$4.2 million" → 4200000; "12%" → 12. */
  value: number;
  /** What it counts ("strikes", "deaths", "troops"), or the currency / "percent". */
  unit: string;
  /** "more than", "over", "about", "at least", "nearly"…, or null. */
  qualifier: string | null;
}

export interface ExtractedDate extends TextSpan {
  text: string;
  /** ISO 8601 at its precision: "2025-09-02", "2025-08", "2025". */
  iso: string;
  precision: DatePrecision;
}

export interface ExtractedFacts {
  quotes: ExtractedQuote[];
  entities: ExtractedEntity[];
  figures: ExtractedFigure[];
  dates: ExtractedDate[];
}

export interface FactExtractionOptions {
  /** The article's published date (ISO), the reference for relative dates ("in October", "last week"). */
  publishedAt?: string | null;
}

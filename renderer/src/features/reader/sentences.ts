/**
 * Sentence spans of the article's text (the reader's keyboard selection moves
 * by them), from the platform's Unicode sentence segmenter (UAX #29, which
 * also breaks at paragraph ends). Spans exclude surrounding whitespace. One
 * text is cached: the reader asks again and again about the same article.
 */
export interface Span {
  start: number;
  end: number;
}

let cached: { text: string; spans: Span[] } | undefined;

export function sentenceSpans(text: string): Span[] {
  if (cached?.text === text) return cached.spans;
  const spans: Span[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (body === '') continue;
    spans.push({ start: index + lead, end: index + lead + body.length });
  }
  cached = { text, spans };
  return spans;
}

/** The first sentence starting at or after `offset`. */
export function sentenceAfter(text: string, offset: number): Span | undefined {
  return sentenceSpans(text).find((span) => span.start >= offset);
}

/** The last sentence ending at or before `offset`. */
export function sentenceBefore(text: string, offset: number): Span | undefined {
  return sentenceSpans(text).findLast((span) => span.end <= offset);
}

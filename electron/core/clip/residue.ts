/**
 * Clipping residue: short blocks left over from page furniture (newsletter
 * forms, share bars, cookie banners) that extraction keeps when they sit
 * inside the article body. A block is residue only when its WHOLE text
 * matches one of these patterns, so a sentence that merely mentions
 * "subscribe" is kept.
 */
const RESIDUE_PATTERNS: RegExp[] = [
  /^["“”']?\*["“”']?\s*(indicates|denotes) (a )?required fields?\.?$/i,
  /^\*?\s*required( fields?)?\.?$/i,
  /^(subscribe|sign up|signup|register|log ?in|sign in)( now| today| here)?[.!]?$/i,
  /^(subscribe|sign up) (to|for) (our|the) [\w\s'’-]{0,40}(newsletter|updates|emails?|alerts?)[.!]?$/i,
  /^(get|receive) (our|the) [\w\s'’-]{0,40}newsletter[.!]?$/i,
  /^share (this|on|via)\b[\w\s:'’,|-]{0,60}$/i,
  /^(share|tweet|email|print|copy link|comments?|save|bookmark)(\s*[|·•,]\s*(share|tweet|email|print|copy link|comments?|save|bookmark|facebook|twitter|x|linkedin|whatsapp|reddit))*$/i,
  /^(facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email)(\s*[|·•,]?\s*(facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email))+$/i,
  /^follow us on\b.{0,60}$/i,
  /^(advertisement|advertising|sponsored( content)?|ad)$/i,
  /^(skip to (main )?content|back to top|read more|continue reading|click here to subscribe)[.!]?$/i,
  /^(this (web)?site|we) uses? cookies\b.{0,240}$/i,
  /^by (using|continuing to use) this (web)?site,? you (agree|consent)\b.{0,200}$/i,
  /^(accept( all)?( cookies)?|reject( all)?|cookie (settings|preferences|policy)|manage (cookies|preferences))$/i,
  /^(thanks? for (signing up|subscribing)|you('re| are) (now )?subscribed)[.!]?$/i,
  /^(enter your email( address)?|email address\*?|your email)[:.]?$/i,
  /^this field is (required|for validation purposes and should be left unchanged)\.?$/i,
  // Related-link furniture and gallery counters.
  // The label alone, or set off from the links it introduces ("Related: …"); "Read more about it here." is a sentence.
  /^(read more|related|related (articles|stories|coverage)|see also|see more|more on this( story)?|don'?t miss|most (read|popular)|recommended( for you)?)([.!]?|\s*[:|»]\s*.{0,160})$/i,
  /^(image|photo|picture|slide)\s+\d+\s+(of|\/)\s+\d+$/i,
  /^\(?(image|photo|picture) (credit|courtesy|source)\s*:.{0,80}\)?$/i,
  /^click here to (get|download|subscribe|sign up|read|watch|follow)\b.{0,60}$/i,
  /^(subscribe|sign up) (to|for) (our|the) .{0,60}\b(newsletter|channel|podcast|updates|emails?|alerts?)\b.{0,60}$/i,
  /^.{0,140}\[(video|insight|pictures|pics|warning|latest|revealed|poll|watch)\]\|?$/i,
  /^\d+\s?of\s?\d+$/i,
  /^(\d+\s?(min|minute)s?\s?read|reading time:?.{0,20}|tempo de leitura:?.{0,20}|lesezeit:?.{0,20})$/i,
  // Media furniture: credits and player notices (captions themselves are kept).
  /^(image copyright|copyright|photo( credit)?|image|credit|credits|foto|getty images)\s*[:.©]+.{0,60}$/i,
  /^image copyright\b.{0,60}$/i,
  /^\(?(image|photo|picture|credit): [^)]{0,60}\)?$/i,
  /^media playback is unsupported on your device\.?$/i,
  /^follow [\w\s'’.-]{1,40} on (twitter|facebook|instagram|x|linkedin|youtube|tiktok)\b.{0,80}$/i,
  /^(home|menu|close|caption|search|print|advertisement)$/i,
  /^https?:\/\/\S+$/i,
  /^subscribe\b.{0,40}\b(services|now|today)$/i,
];

const DATE_WORDS =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|am|pm|a\.m|p\.m|est|edt|cst|cdt|pst|pdt|gmt|utc|bst|cet|cest|et|pt|published|updated|posted|last|modified|on|at|date|le|am|um|el)\b\.?/gi;

/** A block that is only a publication/update timestamp (the date is kept as metadata). */
export function isDateline(blockText: string): boolean {
  const text = blockText.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 90 || !/\d/.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[\d\s:,.|/\-–—()]+/g, '');
  const hasMonthOrTime = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i.test(text) || /\d{1,2}:\d{2}/.test(text);
  return rest.length === 0 && hasMonthOrTime && (/\d{4}/.test(text) || /\d{1,2}:\d{2}/.test(text));
}

const MAX_RESIDUE_LENGTH = 300;

export function isResidue(blockText: string): boolean {
  const text = blockText.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_RESIDUE_LENGTH) return false;
  return RESIDUE_PATTERNS.some((pattern) => pattern.test(text)) || isDateline(text);
}

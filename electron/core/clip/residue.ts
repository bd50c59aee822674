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
];

const MAX_RESIDUE_LENGTH = 300;

export function isResidue(blockText: string): boolean {
  const text = blockText.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_RESIDUE_LENGTH) return false;
  return RESIDUE_PATTERNS.some((pattern) => pattern.test(text));
}

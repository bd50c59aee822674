/** Links a note may hold: web and mail only. Anything else (javascript:, data:, file:) is refused. */
export function normalizeLinkUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') return url.href;
  } catch {
    return undefined;
  }
  return undefined;
}

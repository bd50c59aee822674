/**
 * Commands and project names are few, so they are matched in the renderer:
 * every typed word must start a word of the label, or occur in it
 * ("go lib" finds "Go to Library"), case- and accent-insensitively.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesLabel(label: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const target = fold(label);
  return words.every((word) => target.includes(word));
}

/** A project opens in the palette as a search for its items; quotes in its name cannot be expressed in a phrase. */
export function projectQuery(name: string): string {
  return `project:"${name.replace(/"/g, ' ').trim()}" `;
}

import { MAX_HIGHLIGHT_COMMENT_CHARS, MAX_HIGHLIGHT_LABEL_CHARS } from '../limits';
import { NO_CONTROL_CHARACTERS } from '../text/controlCharacters';

/**
 * THE rule for highlight labels and comments (issue #12): one definition for
 * the core (which stores them), search (`label:verify`) and the renderer.
 */

/** The labels every library starts with; the journalist can add more. */
export const DEFAULT_HIGHLIGHT_LABELS: readonly string[] = ['verify', 'on record', 'claim'];

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A label as stored and compared: NFC, lower case, inner whitespace collapsed
 * to one space. `Verify` and ` verify ` are the same label.
 */
export function normalizeLabel(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A label typed by the journalist, checked: what is stored, or why it is refused. */
export function parseLabel(input: string): Parsed<string> {
  const label = normalizeLabel(input);
  if (label === '') return { ok: false, message: 'A label needs at least one letter or digit.' };
  if (!NO_CONTROL_CHARACTERS.test(label)) return { ok: false, message: 'A label cannot hold control characters.' };
  // A double quote could not be searched for: label:"…" is how a label with spaces is typed in the search box.
  if (label.includes('"')) return { ok: false, message: 'A label cannot hold a double quote (").' };
  if (!/[\p{L}\p{N}]/u.test(label)) return { ok: false, message: 'A label needs at least one letter or digit.' };
  if (label.length > MAX_HIGHLIGHT_LABEL_CHARS) {
    return { ok: false, message: `A label is at most ${MAX_HIGHLIGHT_LABEL_CHARS} characters (this one has ${label.length}).` };
  }
  return { ok: true, value: label };
}

/** A comment: trimmed; empty means no comment (null). */
export function parseComment(input: string): Parsed<string | null> {
  const comment = input.normalize('NFC').trim();
  if (comment === '') return { ok: true, value: null };
  // Newlines and tabs are layout in a comment; other control characters are not text.
  if (/[^\P{Cc}\n\t]/u.test(comment)) return { ok: false, message: 'A comment cannot hold control characters.' };
  if (comment.length > MAX_HIGHLIGHT_COMMENT_CHARS) {
    return { ok: false, message: `A comment is at most ${MAX_HIGHLIGHT_COMMENT_CHARS.toLocaleString('en')} characters (this one has ${comment.length.toLocaleString('en')}).` };
  }
  return { ok: true, value: comment };
}

/** The label set shown to the journalist: the defaults first, then added ones in the order they were added, no twins. */
export function labelSet(added: readonly string[]): string[] {
  return [...new Set([...DEFAULT_HIGHLIGHT_LABELS, ...added.map(normalizeLabel)])];
}

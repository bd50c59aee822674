/**
 * Characters that are not text: one definition for names that refuse them and
 * for the terminal, which must never receive them from clipped content.
 */

/** Names (projects, tags, note titles) refuse control characters: NUL, newlines, escapes cannot be shown, typed or stored reliably. */
export const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/**
 * What a terminal would obey instead of print: C0 controls (ESC starts CSI/OSC
 * sequences such as `ESC [2J` or the OSC 52 clipboard write), DEL, C1 controls
 * (U+009B is a one-byte CSI on some terminals) and the bidi controls that
 * reorder what the reader sees (Trojan Source). Newline and tab are layout.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text for a human reading a terminal: every unsafe character removed. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '');
}

/**
 * JSON for a terminal or a pipe: the same characters written as \uXXXX escapes,
 * so the output stays valid JSON that parses to the very same values
 * (JSON.stringify already escapes C0 but leaves C1 and bidi controls raw).
 */
export function terminalSafeJson(json: string): string {
  return json.replace(TERMINAL_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

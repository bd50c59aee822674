import { terminalSafe, terminalSafeJson } from '../../shared/text/controlCharacters';

/** Where the CLI writes; swapped for buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/**
 * The one gate between Dossier and the terminal: clipped titles, authors and
 * outlets are hostile, so every command's output passes here and no command can
 * forget. Human text loses its control and bidi characters; with --json, stdout
 * is JSON and those characters become \uXXXX escapes (still valid JSON, same
 * values once parsed). stderr is always human text.
 */
export function terminalIo(io: CliIo, json: boolean): CliIo {
  return {
    out: (text) => io.out(json ? terminalSafeJson(text) : terminalSafe(text)),
    err: (text) => io.err(terminalSafe(text)),
  };
}

export function formatTable(rawRows: string[][]): string {
  if (rawRows.length === 0) return '';
  // Cleaned before measuring, so hidden characters do not skew the columns.
  const rows = rawRows.map((row) => row.map(terminalSafe));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) => row.map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!))).join('  '))
    .join('\n');
}

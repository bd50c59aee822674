/** Notes the archive kill test's writer cycles through, and the articles that make its export long. */
export const ARCHIVE_KILL_NOTES = 5;
export const ARCHIVE_KILL_ARTICLES = 3000;

/** The exact content of save `index` in `round` (unique per save). */
export function archiveSaveContent(round: number, index: number): string {
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
  return JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [text(`round ${round} save ${index}`)] }] } });
}

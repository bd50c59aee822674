/** The one wording for what deleting articles does to quotes (single delete and bulk delete say the same thing). */
export function deleteImpactText(quotes: number, notes: number, articles = 1): string {
  if (quotes === 0) return articles === 1 ? 'No note quotes it.' : 'No note quotes any of them.';
  return `${quotes} ${quotes === 1 ? 'quote' : 'quotes'} in ${notes} ${notes === 1 ? 'note' : 'notes'} will stay in those notes as unlinked text, flagged “source deleted”.`;
}

/** The one wording for what deleting articles (to the Trash) does to quotes (single delete and bulk delete say the same thing). */
export function deleteImpactText(quotes: number, notes: number, articles = 1): string {
  const where = articles === 1 ? 'It moves to the Trash, where you can restore it.' : 'They move to the Trash, where you can restore them.';
  if (quotes === 0) return `${where} ${articles === 1 ? 'No note quotes it.' : 'No note quotes any of them.'}`;
  return `${where} ${quotes} ${quotes === 1 ? 'quote' : 'quotes'} in ${notes} ${notes === 1 ? 'note' : 'notes'} will say “source in trash” until then.`;
}

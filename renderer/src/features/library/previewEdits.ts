import type { ClipPreview, PreviewMetadataEdit } from '../../../../shared/contract/domains/clip';
import { parseWrittenDate } from '../../../../shared/text/dates';

/** The four fields the paste preview lets the journalist correct before saving. */
export interface PreviewDraft {
  title: string;
  authors: string;
  siteName: string;
  publishedAt: string;
}

export function draftOfPreview(preview: ClipPreview): PreviewDraft {
  return {
    title: preview.title.trim(),
    authors: (preview.authors.length ? preview.authors.join(', ') : (preview.byline ?? '')).trim(),
    siteName: (preview.siteName ?? '').trim(),
    publishedAt: (preview.publishedTime ?? '').trim(),
  };
}

const authorsOf = (value: string): string[] => value.split(',').map((a) => a.trim()).filter(Boolean);

/** What is wrong with the draft, field by field (an unchanged field found on the page is never blocked). */
export function previewProblems(draft: PreviewDraft, initial: PreviewDraft): Partial<Record<keyof PreviewDraft, string>> {
  const problems: Partial<Record<keyof PreviewDraft, string>> = {};
  if (!draft.title.trim()) problems.title = 'An article needs a title.';
  else if (draft.title.trim().length > 2000) problems.title = 'A title can be at most 2,000 characters.';
  if (authorsOf(draft.authors).some((a) => a.length > 300)) problems.authors = 'Each author name can be at most 300 characters.';
  if (draft.siteName.trim().length > 2000) problems.siteName = 'An outlet name can be at most 2,000 characters.';
  const date = draft.publishedAt.trim();
  if (date && date !== initial.publishedAt && parseWrittenDate(date) === undefined) problems.publishedAt = 'Not a date Dossier can read: write it like Mar 14, 2025 or 2025-03-14.';
  return problems;
}

/** Only the fields the journalist changed (each one sent is stored as edited); written dates in their stored form. */
export function previewEdits(draft: PreviewDraft, initial: PreviewDraft): PreviewMetadataEdit {
  const edit: PreviewMetadataEdit = {};
  if (draft.title.trim() !== initial.title) edit.title = draft.title.trim();
  if (authorsOf(draft.authors).join('\n') !== authorsOf(initial.authors).join('\n')) edit.authors = authorsOf(draft.authors);
  if (draft.siteName.trim() !== initial.siteName) edit.siteName = draft.siteName.trim() || null;
  const date = draft.publishedAt.trim();
  if (date !== initial.publishedAt) edit.publishedAt = date ? (parseWrittenDate(date) ?? date) : null;
  return edit;
}

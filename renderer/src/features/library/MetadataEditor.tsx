import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ChannelInput } from '../../../../shared/contract/channels';
import type { Article } from '../../../../shared/domain/article';
import { call } from '../../api/client';
import { parseWrittenDate } from '../../../../shared/text/dates';

type EditableField = 'title' | 'authors' | 'siteName' | 'publishedAt' | 'modifiedAt' | 'canonicalUrl' | 'lang' | 'excerpt';
type Draft = Record<EditableField, string>;
type MetadataEdit = ChannelInput<'articles.updateMetadata'>;

const FIELDS: { field: EditableField; label: string; hint?: string; multiline?: boolean }[] = [
  { field: 'title', label: 'Title' },
  { field: 'authors', label: 'Authors', hint: 'Separate several authors with commas.' },
  { field: 'siteName', label: 'Outlet' },
  { field: 'publishedAt', label: 'Published', hint: 'A date such as Dec 10, 2025 or 2025-12-10 (a time is optional).' },
  { field: 'modifiedAt', label: 'Updated', hint: 'A date such as Dec 10, 2025 or 2025-12-10 (a time is optional).' },
  { field: 'canonicalUrl', label: 'URL', hint: 'An http:// or https:// address.' },
  { field: 'lang', label: 'Language', hint: 'A language tag such as en or pt-BR.' },
  { field: 'excerpt', label: 'Excerpt', multiline: true },
];

const MAX_LENGTH: Record<EditableField, number> = { title: 2000, authors: 30_000, siteName: 2000, publishedAt: 2000, modifiedAt: 2000, canonicalUrl: 8000, lang: 35, excerpt: 5000 };

/** Trimmed, like what is sent, so untouched fields compare equal and are never sent (or marked edited). */
function draftOf(article: Article): Draft {
  const draft: Draft = {
    title: article.title,
    authors: article.authors.length ? article.authors.join(', ') : (article.byline ?? ''),
    siteName: article.siteName ?? '',
    publishedAt: article.publishedAt ?? '',
    modifiedAt: article.modifiedAt ?? '',
    canonicalUrl: article.canonicalUrl ?? '',
    lang: article.lang ?? '',
    excerpt: article.excerpt ?? '',
  };
  return trimmed(draft);
}

function trimmed(draft: Draft): Draft {
  return Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()])) as Draft;
}

const isDateField = (field: EditableField): boolean => field === 'publishedAt' || field === 'modifiedAt';

function dateProblem(value: string): string | undefined {
  if (!value) return undefined;
  if (parseWrittenDate(value) === undefined) return 'Not a date Dossier can read: write it like Mar 14, 2025 or 2025-03-14 (optionally with a time).';
  return undefined;
}

/** Written dates ("Dec 10, 2025") become the stored form before comparing and saving; the field then shows what was stored. */
function withStoredDates(draft: Draft): Draft {
  const stored = (value: string): string => (value ? (parseWrittenDate(value) ?? value) : value);
  return { ...draft, publishedAt: stored(draft.publishedAt), modifiedAt: stored(draft.modifiedAt) };
}

function urlProblem(value: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a valid address: use a full http:// or https:// URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Only http:// and https:// addresses are allowed.';
  if (/\s/.test(value)) return 'An address cannot contain spaces.';
  return undefined;
}

/**
 * Checks the changed fields the way the contract will, so the user sees each problem beside its field
 * before anything is sent. Unchanged values are left alone: an odd date found on the page must not block an author fix.
 */
function problemsOf(draft: Draft, initial: Draft): Partial<Record<EditableField, string>> {
  const problems: Partial<Record<EditableField, string>> = {};
  if (!draft.title) problems.title = 'An article needs a title.';
  if (draft.authors.split(',').some((a) => a.trim().length > 300)) problems.authors = 'Each author name can be at most 300 characters.';
  const published = dateProblem(draft.publishedAt);
  if (published) problems.publishedAt = published;
  const modified = dateProblem(draft.modifiedAt);
  if (modified) problems.modifiedAt = modified;
  const url = urlProblem(draft.canonicalUrl);
  if (url) problems.canonicalUrl = url;
  if (draft.lang && !/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(draft.lang)) problems.lang = 'Use a language tag such as en, fr or pt-BR.';
  for (const { field, label } of FIELDS) {
    if (draft[field] === initial[field]) delete problems[field];
    else if (!problems[field] && draft[field].length > MAX_LENGTH[field]) problems[field] = `${label} can be at most ${MAX_LENGTH[field].toLocaleString()} characters.`;
  }
  return problems;
}

/** Only the fields the user changed: every field sent is marked 'edited', so untouched ones keep their found/missing mark. */
function changesOf(article: Article, before: Draft, after: Draft): MetadataEdit {
  const edit: MetadataEdit = { id: article.id };
  const orNull = (value: string): string | null => value || null;
  if (after.title !== before.title) edit.title = after.title;
  const authorsOf = (value: string): string[] => value.split(',').map((a) => a.trim()).filter(Boolean);
  if (authorsOf(after.authors).join('\n') !== authorsOf(before.authors).join('\n')) edit.authors = authorsOf(after.authors);
  if (after.siteName !== before.siteName) edit.siteName = orNull(after.siteName);
  if (after.publishedAt !== before.publishedAt) edit.publishedAt = orNull(after.publishedAt);
  if (after.modifiedAt !== before.modifiedAt) edit.modifiedAt = orNull(after.modifiedAt);
  if (after.canonicalUrl !== before.canonicalUrl) edit.canonicalUrl = orNull(after.canonicalUrl);
  if (after.lang !== before.lang) edit.lang = orNull(after.lang);
  if (after.excerpt !== before.excerpt) edit.excerpt = orNull(after.excerpt);
  return edit;
}

/** The "Edit details" form: saves the changed fields through articles.updateMetadata; Cancel or Escape discards. */
export function MetadataEditor({ article, onSaved, onCancel }: { article: Article; onSaved(updated: Article): void; onCancel(): void }): ReactNode {
  const idPrefix = useId();
  const [initial] = useState(() => draftOf(article));
  const [draft, setDraft] = useState<Draft>(initial);
  const [problems, setProblems] = useState<Partial<Record<EditableField, string>>>({});
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const cleaned = withStoredDates(trimmed(draft));
    const found = problemsOf(trimmed(draft), initial);
    setProblems(found);
    setSaveError(undefined);
    if (Object.keys(found).length > 0) return;
    const edit = changesOf(article, initial, cleaned);
    if (Object.keys(edit).length === 1) {
      onCancel();
      return;
    }
    setSaving(true);
    try {
      onSaved(await call('articles.updateMetadata', edit));
    } catch (error) {
      setSaveError(`Not saved: ${(error as Error).message}`);
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className="meta-editor" data-testid="metadata-editor" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-label="Edit details">
      {FIELDS.map(({ field, label, hint, multiline }) => {
        const id = `${idPrefix}-${field}`;
        const problem = problems[field];
        const props = {
          id,
          name: field,
          value: draft[field],
          disabled: saving,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': problem ? `${id}-problem` : hint || isDateField(field) ? `${id}-hint` : undefined,
          onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value })),
          // A written date is shown in the form it will be stored in as soon as the field is left.
          onBlur: isDateField(field) ? () => setDraft((d) => ({ ...d, [field]: parseWrittenDate(d[field].trim()) ?? d[field] })) : undefined,
        };
        const stored = isDateField(field) && draft[field].trim() ? parseWrittenDate(draft[field]) : undefined;
        const storedNote = stored && stored !== draft[field].trim() ? `Stored as ${stored}` : undefined;
        return (
          <div key={field} className={`meta-editor-field${problem ? ' is-invalid' : ''}`} data-field={field}>
            <label htmlFor={id}>{label}</label>
            <div>
              {multiline ? <textarea rows={3} {...props} /> : <input type={field === 'canonicalUrl' ? 'url' : 'text'} autoFocus={field === 'title'} {...props} />}
              {problem ? (
                <p className="meta-editor-problem" id={`${id}-problem`} role="alert" data-testid={`metadata-problem-${field}`}>
                  {problem}
                </p>
              ) : (
                (storedNote ?? hint) && (
                  <p className="meta-editor-hint muted" id={`${id}-hint`} data-testid={storedNote ? `metadata-stored-${field}` : undefined}>
                    {storedNote ?? hint}
                  </p>
                )
              )}
            </div>
          </div>
        );
      })}
      {saveError && (
        <p className="meta-editor-problem" role="alert" data-testid="metadata-save-error">
          {saveError}
        </p>
      )}
      <div className="meta-editor-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="metadata-save">
          {saving ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving} data-testid="metadata-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ClipPreview as Preview, PreviewMetadataEdit } from '../../../../shared/contract/domains/clip';
import { parseWrittenDate } from '../../../../shared/text/dates';
import { MetadataFields } from './MetadataFields';
import { draftOfPreview, previewEdits, previewProblems, type PreviewDraft } from './previewEdits';

export interface PreviewSaveChoice {
  /** Store it as a new version of this article instead of a new article. */
  versionOf?: number;
  /** The fields the journalist corrected. */
  metadata?: PreviewMetadataEdit;
}

const EDITABLE: { field: keyof PreviewDraft; label: string; hint?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'authors', label: 'Authors', hint: 'Separate several authors with commas.' },
  { field: 'siteName', label: 'Outlet' },
  { field: 'publishedAt', label: 'Published', hint: 'A date such as Dec 10, 2025 or 2025-12-10.' },
];

/**
 * What a paste would become, before anything is stored. Title, authors,
 * outlet and date can be corrected here (saved as edited with the clip); when
 * the library already holds this article, or an earlier copy of it, the
 * preview offers "Save as a new version of “…”".
 */
export function ClipPreview({ preview, saving, onSave, onCancel }: { preview: Preview; saving: boolean; onSave(choice: PreviewSaveChoice): void; onCancel(): void }): ReactNode {
  const idPrefix = useId();
  const s = preview.fieldStatus;
  const [initial] = useState(() => draftOfPreview(preview));
  const [draft, setDraft] = useState<PreviewDraft>(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof PreviewDraft, string>>>({});
  const match = preview.match ?? null;

  const save = (versionOf?: number) => (event?: FormEvent): void => {
    event?.preventDefault();
    const found = previewProblems(draft, initial);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const metadata = previewEdits(draft, initial);
    onSave({ ...(versionOf !== undefined ? { versionOf } : {}), ...(Object.keys(metadata).length ? { metadata } : {}) });
  };
  // Enter in a field saves the way the main button does.
  const primary = match ? save(match.articleId) : save();

  return (
    <section className="clip-preview" data-testid="clip-preview" aria-label="Clip preview">
      <form onSubmit={primary} noValidate>
        <header className="preview-header">
          <h2>Clip preview</h2>
          <div className="preview-actions">
            <button type="button" className="btn" onClick={onCancel} disabled={saving}>
              Cancel
            </button>
            {match?.reason !== 'url' && (
              <button type="button" className={`btn${match ? '' : ' btn-primary'}`} onClick={() => save()()} disabled={saving} data-testid="save-clip">
                {saving ? 'Saving…' : match ? 'Save as a new article' : 'Save to library'}
              </button>
            )}
            {match && (
              <button type="submit" className="btn btn-primary preview-version" disabled={saving} data-testid="save-as-version" title={match.title}>
                Save as a new version of “{match.title}”
              </button>
            )}
          </div>
        </header>
        {match && (
          <p className="preview-match" role="status" data-testid="clip-match">
            {match.reason === 'url'
              ? `The library already has this page (same web address): “${match.title}”. Saving adds this copy as its new version; quotes follow onto the new text.`
              : `This looks like a changed copy of “${match.title}” (${Math.round(match.similarity * 100)}% of the wording is the same). Save it as a new version to keep one article with its history, or as a new article.`}
          </p>
        )}
        <div className="meta-editor preview-fields" aria-label="Details to save">
          {EDITABLE.map(({ field, label, hint }) => {
            const id = `${idPrefix}-${field}`;
            const problem = problems[field];
            const stored = field === 'publishedAt' && draft.publishedAt.trim() ? parseWrittenDate(draft.publishedAt.trim()) : undefined;
            const note = problem ?? (stored && stored !== draft.publishedAt.trim() ? `Stored as ${stored}` : hint);
            const status = draft[field] !== initial[field] ? 'edited' : (s[field] ?? 'missing');
            return (
              <div key={field} className={`meta-editor-field${problem ? ' is-invalid' : ''}`} data-field={field} data-status={status}>
                <label htmlFor={id}>{label}</label>
                <div>
                  <input
                    id={id}
                    name={field}
                    type="text"
                    value={draft[field]}
                    disabled={saving}
                    placeholder={status === 'missing' ? 'not found on the page' : undefined}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={note ? `${id}-note` : undefined}
                    data-testid={`preview-${field}`}
                    onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                    onBlur={field === 'publishedAt' ? () => setDraft((d) => ({ ...d, publishedAt: parseWrittenDate(d.publishedAt.trim()) ?? d.publishedAt })) : undefined}
                  />
                  {note && (
                    <p className={problem ? 'meta-editor-problem' : 'meta-editor-hint muted'} id={`${id}-note`} role={problem ? 'alert' : undefined}>
                      {note}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </form>
      <MetadataFields
        rows={[
          { field: 'canonicalUrl', value: preview.url, status: s.canonicalUrl },
          { field: 'lang', value: preview.lang, status: s.lang },
          { field: 'excerpt', value: preview.excerpt, status: s.excerpt },
        ]}
      />
      {preview.warnings.map((w) => (
        <p key={w} className="article-warnings">
          ⚠ {w}
        </p>
      ))}
      <p className="muted">{preview.wordCount.toLocaleString()} words{preview.imageCount ? ` · ${preview.imageCount} images (kept only if they can be stored offline)` : ''}</p>
      <div className="preview-text" data-testid="preview-text">
        {preview.text.split('\n\n').map((block, i) => (
          <p key={i}>{block}</p>
        ))}
      </div>
    </section>
  );
}

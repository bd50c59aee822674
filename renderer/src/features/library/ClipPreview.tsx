import type { ReactNode } from 'react';
import type { ClipPreview as Preview } from '../../../../shared/contract/domains/clip';
import { MetadataFields } from './MetadataFields';

/** What a paste would become, before anything is stored. */
export function ClipPreview({ preview, saving, onSave, onCancel }: { preview: Preview; saving: boolean; onSave(): void; onCancel(): void }): ReactNode {
  const s = preview.fieldStatus;
  return (
    <section className="clip-preview" data-testid="clip-preview" aria-label="Clip preview">
      <header className="preview-header">
        <h2>Clip preview</h2>
        <div className="preview-actions">
          <button type="button" className="btn" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={onSave} disabled={saving} data-testid="save-clip">
            {saving ? 'Saving…' : 'Save to library'}
          </button>
        </div>
      </header>
      <MetadataFields
        rows={[
          { field: 'title', value: preview.title, status: s.title },
          { field: 'authors', value: preview.byline, status: s.authors },
          { field: 'siteName', value: preview.siteName, status: s.siteName },
          { field: 'publishedAt', value: preview.publishedTime, status: s.publishedAt },
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

import type { ReactNode } from 'react';
import type { FieldStatus, MetadataField } from '../../../../shared/domain/article';
import { formatArticleDate } from '../../../../shared/text/dates';

const DATE_FIELDS: ReadonlySet<MetadataField> = new Set(['publishedAt', 'modifiedAt']);

const LABELS: Record<MetadataField, string> = {
  title: 'Title',
  authors: 'Author',
  siteName: 'Outlet',
  publishedAt: 'Published',
  modifiedAt: 'Updated',
  canonicalUrl: 'URL',
  lang: 'Language',
  excerpt: 'Excerpt',
  leadImage: 'Lead image',
};

export interface MetadataRow {
  field: MetadataField;
  value: string | null;
  status: FieldStatus | undefined;
}

/** Each metadata field with its value and whether it was found on the page, is missing, or was edited. */
export function MetadataFields({ rows }: { rows: MetadataRow[] }): ReactNode {
  return (
    <dl className="meta-fields" data-testid="article-metadata">
      {rows.map(({ field, value, status }) => (
        <div key={field} className={`meta-field is-${status ?? 'missing'}`} data-field={field} data-status={status ?? 'missing'}>
          <dt>{LABELS[field]}</dt>
          <dd>
            {value ? (
              DATE_FIELDS.has(field) ? (
                <time className="meta-value" dateTime={value} title={value}>
                  {formatArticleDate(value, { withTime: true })}
                </time>
              ) : (
                <span className="meta-value">{value}</span>
              )
            ) : (
              <span className="muted">not found</span>
            )}
            <span className="meta-mark" title={status === 'found' ? 'Found on the page' : status === 'edited' ? 'Edited by you' : 'Missing: not found on the page'}>
              {status === 'found' ? '✓ found' : status === 'edited' ? '✎ edited' : '✗ missing'}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

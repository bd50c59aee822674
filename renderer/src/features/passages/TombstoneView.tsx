import type { ReactNode } from 'react';
import { citationText } from '../../../../shared/citation/citationText';
import type { PassageWithBacklinks } from '../../../../shared/domain/passage';
import { ModalDialog } from '../../ui/ModalDialog';

/**
 * What a quote's chip opens when its source article was deleted: the quoted
 * words as they were clipped (the passage keeps them), the citation the note
 * still carries, and a way back to the note — never a reader that waits for
 * an article that is gone.
 */
export function TombstoneView({ passage, onClose }: { passage: PassageWithBacklinks; onClose(): void }): ReactNode {
  const citation = citationText(
    {
      passageId: passage.id,
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      status: 'orphan',
      article: { id: 0, title: passage.source.title, authors: [], outlet: passage.source.siteName, publishedAt: null, url: passage.source.url, accessedAt: null },
    },
    'plain',
  );
  return (
    <ModalDialog className="tombstone" aria-labelledby="tombstone-title" data-testid="tombstone" onCancel={onClose}>
      <h2 id="tombstone-title">Source deleted</h2>
      <p>
        The article this quote came from was deleted from the library. The quoted words are kept as they were clipped, with their citation;
        the rest of the article is gone.
      </p>
      <blockquote className="tombstone-quote" data-testid="tombstone-quote">
        {passage.exact}
      </blockquote>
      <p className="tombstone-citation" data-testid="tombstone-citation">
        {citation}
      </p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Back to the note
        </button>
      </div>
    </ModalDialog>
  );
}

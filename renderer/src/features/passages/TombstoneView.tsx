import type { ReactNode } from 'react';
import type { PassageDetail } from '../../../../shared/domain/passage';
import { ModalDialog } from '../../ui/ModalDialog';

/**
 * What a quote's chip opens when its source article was deleted: the quoted
 * words as they were clipped (the passage keeps them), the citation the note
 * still carries, and a way back to the note — never a reader that waits for
 * an article that is gone.
 */
export function TombstoneView({ passage, onClose }: { passage: PassageDetail; onClose(): void }): ReactNode {
  // THE citation text, built by the core from the snapshot the passage keeps of its deleted source.
  const citation = passage.citation.full;
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

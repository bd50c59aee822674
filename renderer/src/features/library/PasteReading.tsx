import type { ReactNode } from 'react';

/**
 * Shown the moment something is pasted, in place of whatever was on screen:
 * extracting a long article takes seconds (about 6 s for 75,000 words), and
 * the previous article must not look like the result meanwhile.
 */
export function PasteReading({ words, onCancel }: { words: number; onCancel(): void }): ReactNode {
  return (
    <section className="clip-preview" aria-label="Clip preview" aria-busy="true" data-testid="paste-reading">
      <header className="preview-header">
        <h2>Clip preview</h2>
        <div className="preview-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </header>
      <div className="clip-progress paste-progress" role="status">
        <progress aria-label="Reading the pasted article" />
        <span>Reading the pasted article{words > 0 ? ` (about ${words.toLocaleString()} words)` : ''}…</span>
      </div>
    </section>
  );
}

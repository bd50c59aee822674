import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { HighlightLabel, PlacedPassage } from '../../../../shared/domain/passage';
import { parseLabel } from '../../../../shared/highlights/labels';
import { MAX_HIGHLIGHT_COMMENT_CHARS } from '../../../../shared/limits';
import { call } from '../../api/client';

const NEW_LABEL = '\u0000new';

/**
 * A highlight's label and comment (issue #12): shown under the passage, and
 * edited in place. Saving a label or comment on a passage that is only quoted
 * highlights it; a new label joins the library's set.
 */
export function HighlightNote({ passage, labels, onSaved, onError }: { passage: PlacedPassage; labels: HighlightLabel[]; onSaved(): void; onError(message: string): void }): ReactNode {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(passage.label ?? '');
  const [newLabel, setNewLabel] = useState('');
  const [comment, setComment] = useState(passage.comment ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const id = useId();

  const open = (): void => {
    setLabel(passage.label ?? '');
    setComment(passage.comment ?? '');
    setNewLabel('');
    setProblem(undefined);
    setEditing(true);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    let chosen: string | null = label === '' ? null : label;
    if (label === NEW_LABEL) {
      const parsed = parseLabel(newLabel);
      if (!parsed.ok) return setProblem(parsed.message);
      chosen = parsed.value;
    }
    try {
      await call('passages.annotate', { passageId: passage.id, label: chosen, comment });
      setEditing(false);
      onSaved();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="highlight-note" data-testid="highlight-note">
      {!editing && (passage.label || passage.comment) && (
        <div className="highlight-note-shown">
          {passage.label && <span className="highlight-label" data-testid="highlight-label">{passage.label}</span>}
          {passage.comment && <p className="highlight-comment" data-testid="highlight-comment">{passage.comment}</p>}
        </div>
      )}
      {!editing && (
        <button type="button" className="link-button" data-testid="highlight-note-edit" onClick={open}>
          {passage.label || passage.comment ? 'Edit label and comment' : 'Label or comment…'}
        </button>
      )}
      {editing && (
        <form className="highlight-note-form" onSubmit={(e) => void save(e)} aria-label="Label and comment">
          <label htmlFor={`${id}-label`}>Label</label>
          <select id={`${id}-label`} value={label} data-testid="highlight-label-select" onChange={(e) => setLabel(e.target.value)}>
            <option value="">No label</option>
            {labels.map((l) => (
              <option key={l.name} value={l.name}>{l.name}</option>
            ))}
            <option value={NEW_LABEL}>New label…</option>
          </select>
          {label === NEW_LABEL && (
            <>
              <label htmlFor={`${id}-new`}>New label</label>
              <input id={`${id}-new`} data-testid="highlight-new-label" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} autoFocus />
            </>
          )}
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea id={`${id}-comment`} data-testid="highlight-comment-input" rows={3} maxLength={MAX_HIGHLIGHT_COMMENT_CHARS} value={comment} onChange={(e) => setComment(e.target.value)} />
          {problem && <p className="form-error" role="alert">{problem}</p>}
          <div className="highlight-note-actions">
            <button type="submit" className="btn" data-testid="highlight-note-save">Save</button>
            <button type="button" className="btn btn-quiet-plain" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  );
}

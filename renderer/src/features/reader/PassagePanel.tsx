import { useId, useState, type ReactNode } from 'react';
import type { PlacedPassage } from '../../../../shared/domain/passage';
import { displayTitle } from '../../../../shared/domain/note';
import { useCall } from '../../api/queries';
import { ItemOrganizer } from '../organize/ItemOrganizer';
import { HighlightNote } from './HighlightNote';
import { filterPassages, type PassageFilter } from './passageFilter';

const STATUS_LABEL: Record<PlacedPassage['anchor']['status'], string> = {
  ok: 'verbatim',
  changed: 'changed in latest version',
  orphan: 'not in latest version',
  source_deleted: 'source deleted',
};

/** The article's passages in reading order, with status, label and comment, and the notes quoting each (backlinks); filterable by label. */
export function PassagePanel({ passages, onShow, onOpenNote, onChanged, onError }: { passages: PlacedPassage[]; onShow(p: PlacedPassage): void; onOpenNote(noteId: number): void; onChanged(): void; onError(message: string): void }): ReactNode {
  const labels = useCall('passages.labels', {}).data ?? [];
  const [filter, setFilter] = useState<PassageFilter>({ kind: 'all' });
  const filterId = useId();
  // Tags are read per passage only when asked for: a long article can have hundreds of passages.
  const [tagging, setTagging] = useState<ReadonlySet<number>>(new Set());
  const toggleTags = (id: number): void =>
    setTagging((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const shown = filterPassages(passages, filter).sort((a, b) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity));
  const inUse = [...new Set(passages.flatMap((p) => (p.label ? [p.label] : [])))];
  return (
    <aside className="reader-panel" aria-label="Passages" data-testid="passage-panel">
      <h2 className="reader-panel-title">Passages <span className="muted">{passages.length}</span></h2>
      {passages.length > 0 && (
        <div className="passage-filter">
          <label htmlFor={filterId}>Show</label>
          <select
            id={filterId}
            data-testid="passage-filter"
            value={filter.kind === 'label' ? `label:${filter.label}` : filter.kind}
            onChange={(e) => {
              const value = e.target.value;
              setFilter(value.startsWith('label:') ? { kind: 'label', label: value.slice('label:'.length) } : { kind: value as 'all' | 'highlights' | 'unlabelled' });
            }}
          >
            <option value="all">All passages</option>
            <option value="highlights">Highlights</option>
            {inUse.map((name) => (
              <option key={name} value={`label:${name}`}>Label: {name}</option>
            ))}
            <option value="unlabelled">Highlights without a label</option>
          </select>
        </div>
      )}
      {passages.length === 0 && <p className="muted">Select text to highlight it or quote it into a note.</p>}
      {passages.length > 0 && shown.length === 0 && <p className="muted">No passage matches this filter.</p>}
      <ul className="passage-list">
        {shown.map((p) => (
          <li key={p.id} className="passage-item" data-passage-id={p.id} data-status={p.anchor.status} data-label={p.label ?? undefined}>
            <button type="button" className="passage-excerpt" onClick={() => onShow(p)} disabled={!p.range}>
              {p.highlight && <span className={`swatch swatch-${p.highlight}`} aria-label={`${p.highlight} highlight`} />}“{p.exact.length > 140 ? `${p.exact.slice(0, 139)}…` : p.exact}”
            </button>
            <HighlightNote passage={p} labels={labels} onSaved={onChanged} onError={onError} />
            {p.anchor.status !== 'ok' && <div className={`passage-status is-${p.anchor.status}`}>{STATUS_LABEL[p.anchor.status]}</div>}
            {p.anchor.diff && (
              <div className="passage-diff" aria-label="What changed">
                {p.anchor.diff.map((part, i) => (
                  <span key={i} className={`diff-${part.kind}`}>{part.text}</span>
                ))}
              </div>
            )}
            <ul className="backlinks" aria-label="Quoted in" data-testid="backlinks">
              {p.backlinks.map((b) => (
                <li key={b.noteId}>
                  <button type="button" className="link-button" onClick={() => onOpenNote(b.noteId)}>
                    {displayTitle(b.noteTitle)}
                  </button>
                  {b.quoteCount > 1 && <span className="muted"> ×{b.quoteCount}</span>}
                </li>
              ))}
            </ul>
            <button type="button" className="link-button passage-tags-toggle" aria-expanded={tagging.has(p.id)} data-testid="passage-tags-toggle" onClick={() => toggleTags(p.id)}>
              {tagging.has(p.id) ? 'Hide tags' : 'Tags…'}
            </button>
            {tagging.has(p.id) && <ItemOrganizer item={{ type: 'passage', id: p.id }} onError={onError} compact />}
          </li>
        ))}
      </ul>
    </aside>
  );
}

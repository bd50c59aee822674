import { useEffect, useState, type ReactNode } from 'react';
import type { ArticleFacts, StoredQuote } from '../../../../shared/domain/storedFacts';
import { call } from '../../api/client';

/**
 * The Facts panel beside the reader (issue #13): quotes grouped by speaker,
 * people / organisations / places, figures and dates of the version on
 * screen. Clicking a fact shows its words in the article; each quote, figure
 * and date can be quoted into a note or copied with its citation.
 */
export interface FactSpanRef {
  id: number;
  start: number;
  end: number;
  text: string;
}

interface FactsPanelProps {
  articleId: number;
  versionId: number;
  onShow(fact: FactSpanRef): void;
  onQuote(fact: FactSpanRef): void;
  onCopy(fact: FactSpanRef): void;
  onError(message: string): void;
}

const ENTITY_GROUPS = [
  ['person', 'People'],
  ['org', 'Organisations'],
  ['place', 'Places'],
] as const;

function bySpeaker(quotes: StoredQuote[]): Array<[string, StoredQuote[]]> {
  const groups = new Map<string, StoredQuote[]>();
  for (const q of quotes) {
    const key = q.anonymous ? 'Unnamed sources' : (q.speaker ?? q.source);
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  return [...groups];
}

function excerpt(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function FactActions({ fact, onQuote, onCopy }: { fact: FactSpanRef; onQuote(f: FactSpanRef): void; onCopy(f: FactSpanRef): void }): ReactNode {
  return (
    <span className="fact-actions">
      <button type="button" className="link-button" onClick={() => onQuote(fact)}>Quote into note</button>
      <button type="button" className="link-button" onClick={() => onCopy(fact)}>Copy with citation</button>
    </span>
  );
}

export function FactsPanel({ articleId, versionId, onShow, onQuote, onCopy, onError }: FactsPanelProps): ReactNode {
  const [facts, setFacts] = useState<ArticleFacts | undefined>();
  useEffect(() => {
    let live = true;
    call('facts.ofArticle', { articleId, versionId })
      .then((loaded) => live && setFacts(loaded))
      .catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [articleId, versionId, onError]);

  if (!facts) return <aside className="reader-panel facts-panel" aria-label="Facts" data-testid="facts-panel"><p className="muted">Reading facts…</p></aside>;
  const empty = facts.quotes.length + facts.entities.length + facts.figures.length + facts.dates.length === 0;
  return (
    <aside className="reader-panel facts-panel" aria-label="Facts" data-testid="facts-panel">
      <h2 className="reader-panel-title">Facts</h2>
      {facts.extractedAt === null && <p className="muted">Facts for this article are still being extracted in the background.</p>}
      {facts.extractedAt !== null && empty && <p className="muted">No quotes, names, figures or dates were found in this article.</p>}
      {facts.quotes.length > 0 && (
        <section aria-label="Quotes" data-testid="facts-quotes">
          <h3 className="facts-heading">Quotes</h3>
          {bySpeaker(facts.quotes).map(([speaker, quotes]) => (
            <div key={speaker} className="facts-speaker" data-speaker={speaker}>
              <h4 className="facts-speaker-name">{speaker}</h4>
              <ul className="facts-list">
                {quotes.map((q) => (
                  <li key={q.id} className="fact-item" data-fact-id={q.id} data-kind="quote">
                    <button type="button" className="fact-excerpt" onClick={() => onShow(q)}>“{excerpt(q.text)}”</button>
                    <div className="muted fact-source">{q.source} · {q.cue}{q.anonymous ? ' · unnamed source' : ''}</div>
                    <FactActions fact={q} onQuote={onQuote} onCopy={onCopy} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {ENTITY_GROUPS.map(([type, label]) => {
        const list = facts.entities.filter((e) => e.type === type);
        if (list.length === 0) return null;
        return (
          <section key={type} aria-label={label} data-testid={`facts-${type}`}>
            <h3 className="facts-heading">{label}</h3>
            <ul className="facts-list facts-entities">
              {list.map((e) => (
                <li key={e.id} className="fact-item" data-kind={type}>
                  <button type="button" className="fact-excerpt" disabled={e.mentions.length === 0} onClick={() => e.mentions[0] && onShow({ id: e.id, ...e.mentions[0], text: e.name })}>
                    {e.name}
                  </button>
                  {e.aliases.length > 0 && <span className="muted"> ({e.aliases.join(', ')})</span>}
                  <span className="muted"> ×{e.mentions.length}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {facts.figures.length > 0 && (
        <section aria-label="Figures" data-testid="facts-figures">
          <h3 className="facts-heading">Figures</h3>
          <ul className="facts-list">
            {facts.figures.map((f) => (
              <li key={f.id} className="fact-item" data-fact-id={f.id} data-kind="figure">
                <button type="button" className="fact-excerpt" onClick={() => onShow(f)}>
                  <strong>{f.qualifier ? `${f.qualifier} ` : ''}{f.value.toLocaleString('en-US')}</strong> {f.unit}
                </button>
                <div className="muted fact-source">“{excerpt(f.text, 80)}”</div>
                <FactActions fact={f} onQuote={onQuote} onCopy={onCopy} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.dates.length > 0 && (
        <section aria-label="Dates" data-testid="facts-dates">
          <h3 className="facts-heading">Dates</h3>
          <ul className="facts-list">
            {[...facts.dates].sort((a, b) => a.iso.localeCompare(b.iso)).map((d) => (
              <li key={d.id} className="fact-item" data-fact-id={d.id} data-kind="date">
                <button type="button" className="fact-excerpt" onClick={() => onShow(d)}>
                  <strong>{d.iso}</strong> “{excerpt(d.text, 60)}”
                </button>
                <FactActions fact={d} onQuote={onQuote} onCopy={onCopy} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.earlier.length > 0 && (
        <section aria-label="Changed since an earlier clip" data-testid="facts-earlier">
          <h3 className="facts-heading">Changed since an earlier clip</h3>
          <ul className="facts-list">
            {facts.earlier.map((e) => (
              <li key={e.id} className="fact-item" data-status={e.anchor.status}>
                {e.kind}: “{excerpt(e.text, 80)}” <span className={`passage-status is-${e.anchor.status}`}>{e.anchor.status === 'orphan' ? 'no longer in the article' : 'changed'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

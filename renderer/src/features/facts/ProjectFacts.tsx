import { useEffect, useState, type ReactNode } from 'react';
import type { FactSource, FigureConflict, SpeakerQuotes, TimelineEntry } from '../../../../shared/domain/storedFacts';
import { call } from '../../api/client';
import { openArticle } from '../../app/routes';
import './projectFacts.css';

/**
 * A project's facts across its sources (issue #13), on the project's "Facts" tab: the timeline of dated facts
 * ordered by when the event happened, the figures its sources count differently (so the reporter checks before
 * publishing), and who said what. Every entry names its source and opens it in the reader.
 */
interface Loaded {
  timeline: TimelineEntry[];
  conflicts: FigureConflict[];
  speakers: SpeakerQuotes[];
}

function sourceLabel(from: FactSource): string {
  return [from.siteName ?? from.title, from.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
}

function SourceLink({ from }: { from: FactSource }): ReactNode {
  return (
    <button type="button" className="link-button fact-source" title={from.title} onClick={() => openArticle(from.articleId)}>
      {sourceLabel(from)}
    </button>
  );
}

export function ProjectFacts({ projectId, onError }: { projectId: number; onError(message: string): void }): ReactNode {
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const project = String(projectId);
    Promise.all([call('facts.timeline', { project }), call('facts.conflicts', { project }), call('facts.speakers', { project })]).then(
      ([timeline, conflicts, speakers]) => live && setLoaded({ timeline, conflicts, speakers }),
      (error: unknown) => onError((error as Error).message),
    );
    return () => {
      live = false;
    };
  }, [projectId, onError]);
  if (!loaded) return <div className="empty-state muted">Loading…</div>;
  const { timeline, conflicts, speakers } = loaded;
  if (timeline.length + conflicts.length + speakers.length === 0) {
    return <div className="empty-state muted" data-testid="project-facts-empty">No facts yet: the project’s articles have no extracted quotes, figures or dates.</div>;
  }
  return (
    <div className="project-facts" data-testid="project-facts">
      <section aria-labelledby="facts-conflicts-title">
        <h2 id="facts-conflicts-title" className="fact-heading">Figure conflicts</h2>
        {conflicts.length === 0 ? (
          <p className="muted">The sources agree on every figure they share.</p>
        ) : (
          <ul className="item-list" data-testid="facts-conflicts">
            {conflicts.map((c) => (
              <li key={`${c.unit}:${c.figures.map((f) => f.factId).join(',')}`} className="item fact-conflict">
                <strong className="fact-conflict-summary">{c.summary}</strong>
                <ul className="fact-conflict-figures">
                  {c.figures.map((f) => (
                    <li key={f.factId}>
                      “{f.text}” — <SourceLink from={f.from} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="facts-timeline-title">
        <h2 id="facts-timeline-title" className="fact-heading">Timeline</h2>
        {timeline.length === 0 ? (
          <p className="muted">No dated facts.</p>
        ) : (
          <ol className="item-list" data-testid="facts-timeline">
            {timeline.map((t) => (
              <li key={t.factId} className="item fact-timeline-entry" data-iso={t.iso}>
                <time className="fact-date" dateTime={t.iso}>{t.iso}</time> <span className="fact-context">{t.context}</span> — <SourceLink from={t.from} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="facts-speakers-title">
        <h2 id="facts-speakers-title" className="fact-heading">Who said what</h2>
        {speakers.length === 0 ? (
          <p className="muted">No attributed quotes.</p>
        ) : (
          <ul className="item-list" data-testid="facts-speakers">
            {speakers.map((s) => (
              <li key={`${s.anonymous ? 'anon' : 'named'}:${s.speaker}`} className="item fact-speaker">
                <strong>{s.speaker}</strong>
                <ul>
                  {s.quotes.map((q) => (
                    <li key={q.factId}>
                      <q className="quote-text">{q.text}</q> — <SourceLink from={q.from} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

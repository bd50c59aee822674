import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { anchor } from '../../../../shared/anchoring/anchor';
import { citedArticleOf, quoteWithCitation } from '../../../../shared/citation/citationText';
import type { Article, ArticleContent } from '../../../../shared/domain/article';
import { displayTitle } from '../../../../shared/domain/note';
import type { HighlightColor, PlacedPassage } from '../../../../shared/domain/passage';
import { call, listen, transport } from '../../api/client';
import { writeClipboard } from '../export/clipboard';
import { navigate } from '../../app/routes';
import { insertQuote, type InsertQuotePayload } from '../../editor/plugins/QuotePlugin';
import { focusNoteAtCursor, liveEditorOf } from '../desk/deskEditor';
import { setCurrentNote } from '../desk/currentNote';
import { autosaver } from '../notes/autosave';
import { deskActionFor, isTextEntry } from '../palette/shortcuts';
import { forgetPassage } from '../passages/passageQueries';
import { ArticleHeader } from './ArticleHeader';
import { clearAll, drawPassages, flash, passagesAt, setCurrent, supportsHighlights, type DrawnPassage } from './highlights';
import { ItemOrganizer } from '../organize/ItemOrganizer';
import { PassagePanel } from './PassagePanel';
import { sanitizeArticleHtml } from './sanitize';
import { sentenceAfter, sentenceBefore } from './sentences';
import { buildTextMap, liveRange, offsetOfBoundary, rangeFor, type ArticleTextMap } from './textMap';
import { FactsPanel, type FactSpanRef } from '../facts/FactsPanel';

interface PendingSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

interface Popover {
  top: number;
  left: number;
  items: DrawnPassage[];
}

export interface ReaderViewProps {
  articleId: number;
  passageId?: number | undefined;
  versionId?: number | undefined;
  /** The note on the desk, which Quote, Quote inline and Comment write into; none: they offer a new note. */
  currentNote?: { id: number; title: string } | undefined;
  onError(message: string): void;
}

/** Measured by tests/bench/desk.bench.ts: from the quote action to the quote in the note's DOM. */
export const QUOTE_SHOWN_EVENT = 'dossier:quote-shown';

/** The reader: one clipped article, its highlights and quotes, and the selection menu. */
export function ReaderView({ articleId, passageId, versionId: requestedVersion, currentNote, onError }: ReaderViewProps): ReactNode {
  const [article, setArticle] = useState<Article | undefined>();
  const [content, setContent] = useState<ArticleContent | undefined>();
  const [passages, setPassages] = useState<PlacedPassage[]>([]);
  const [selection, setSelection] = useState<PendingSelection | undefined>();
  const [popover, setPopover] = useState<Popover | undefined>();
  const [mismatch, setMismatch] = useState(false);
  const [mapVersion, setMapVersion] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const [sidePanel, setSidePanel] = useState<'passages' | 'facts'>('passages');
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ArticleTextMap | null>(null);
  const drawnRef = useRef<DrawnPassage[]>([]);
  const scrolledTo = useRef<number | undefined>(undefined);

  const report = useCallback((error: unknown) => onError(error instanceof Error ? error.message : String(error)), [onError]);
  const versionId = requestedVersion ?? article?.latestVersionId;

  useEffect(() => {
    call('articles.get', { id: articleId })
      .then((loaded) => {
        setArticle(loaded);
        // Opening an article in the reader is reading it: it leaves the Unread view.
        if (loaded.readingState === 'unread') return call('library.setArticleState', { ids: [loaded.id], readingState: 'read' });
        return undefined;
      })
      .catch(report);
  }, [articleId, report]);

  const reloadPassages = useCallback(async () => {
    if (versionId === undefined) return;
    setPassages(await call('passages.forVersion', { versionId }));
  }, [versionId]);

  useEffect(() => {
    if (versionId === undefined) return;
    call('articles.content', { versionId }).then(setContent).catch(report);
    reloadPassages().catch(report);
  }, [versionId, reloadPassages, report]);

  // Quotes and highlights made elsewhere show up at once: a quote from the browser extension, another
  // window's, or a note saved with a quote of this article (its passage is drawn as quoted from then on).
  useEffect(
    () =>
      listen((event) => {
        if (event.type === 'passages.changed' || event.type === 'note.saved' || event.type === 'notes.changed') reloadPassages().catch(() => undefined);
      }),
    [reloadPassages],
  );

  // The article body is set outside React (sanitized fragment), then mapped once.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !content) return;
    body.replaceChildren(sanitizeArticleHtml(content.html));
    const map = buildTextMap(body);
    mapRef.current = map;
    setMismatch(map.text !== content.text);
    setMapVersion((v) => v + 1);
  }, [content]);

  useEffect(() => () => clearAll(), []);

  // Draw passages whenever they or the map change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !content) return;
    const placed = passages.flatMap((p) => {
      if (!p.range) return [];
      if (!mismatch) return [{ passage: p, start: p.range.start, end: p.range.end }];
      // The rendered text differs from the stored text (a sanitizer difference): find each passage by its selectors.
      const found = anchor({ quote: { type: 'TextQuoteSelector', exact: p.exact, prefix: p.prefix, suffix: p.suffix }, position: { type: 'TextPositionSelector', start: p.range.start, end: p.range.end } }, map.text);
      return found.start === null || found.end === null ? [] : [{ passage: p, start: found.start, end: found.end }];
    });
    drawnRef.current = drawPassages(map, placed);
    if (passageId !== undefined && scrolledTo.current !== passageId) {
      const target = drawnRef.current.find((d) => d.passage.id === passageId);
      if (target) {
        scrolledTo.current = passageId;
        showPassage(target);
      } else if (passages.some((p) => p.id === passageId)) {
        scrolledTo.current = passageId;
        setNotice('This passage is not in this version of the article.');
      }
    }
  }, [passages, mapVersion, mismatch, content, passageId]);

  function showPassage(target: DrawnPassage): void {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const rect = liveRange(target.range).getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += rect.top - box.top - box.height / 3;
    // Stays marked as the current passage; flashes on top to catch the eye.
    setCurrent(target.range);
    flash(target.range);
    bodyRef.current?.setAttribute('data-current-passage', String(target.passage.id));
  }

  const readSelection = (): void => {
    const map = mapRef.current;
    const body = bodyRef.current;
    const sel = window.getSelection();
    if (!map || !body || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
      setSelection(undefined);
      return;
    }
    const range = sel.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer)) return setSelection(undefined);
    const start = offsetOfBoundary(map, body, range.startContainer, range.startOffset, 'start');
    const end = offsetOfBoundary(map, body, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start || map.text.slice(start, end).trim() === '') return setSelection(undefined);
    const rect = range.getBoundingClientRect();
    const box = scrollRef.current!.getBoundingClientRect();
    setPopover(undefined);
    // Keep the menu inside the column (it is about 440px wide).
    const left = Math.max(8, Math.min(rect.left - box.left, scrollRef.current!.clientWidth - 450));
    setSelection({ start, end, top: rect.bottom - box.top + scrollRef.current!.scrollTop + 6, left });
  };

  const onBodyClick = (event: React.MouseEvent): void => {
    if ((event.target as Element).closest('a')) event.preventDefault(); // links never navigate the app
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const map = mapRef.current;
    const body = bodyRef.current;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!map || !body || !caret) return setPopover(undefined);
    const offset = offsetOfBoundary(map, body, caret.offsetNode, caret.offset, 'start');
    const items = offset === null ? [] : passagesAt(drawnRef.current, offset);
    if (items.length === 0) return setPopover(undefined);
    const box = scrollRef.current!.getBoundingClientRect();
    setSelection(undefined);
    setCurrent(items[0]!.range);
    setPopover({ top: event.clientY - box.top + scrollRef.current!.scrollTop + 14, left: Math.max(8, event.clientX - box.left - 20), items });
  };

  const textVersionId = (): number => content!.versionId;

  /** Selects text[start, end) in the article as a real DOM selection (visible, copyable), and opens the menu. */
  const selectText = (start: number, end: number): void => {
    const map = mapRef.current;
    const range = map ? rangeFor(map, start, end) : null;
    if (!range) return;
    window.getSelection()?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    const rect = liveRange(range).getBoundingClientRect();
    const box = scrollRef.current!.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) scrollRef.current!.scrollTop += rect.top - box.top - box.height / 3;
    readSelection();
  };

  /** The reader's keys: sentence by sentence selection with ] and [ (Shift extends), and the selection's actions. */
  const onReaderKey = (event: React.KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    const map = mapRef.current;
    if (!map) return;
    const key = event.key;
    if (key === ']' || key === '}' || key === '[' || key === '{') {
      event.preventDefault();
      const extend = event.shiftKey || key === '}' || key === '{';
      const forward = key === ']' || key === '}';
      const from = selection ?? { start: 0, end: 0 };
      if (forward) {
        const next = sentenceAfter(map.text, selection ? from.end : 0);
        if (next) selectText(extend && selection ? from.start : next.start, next.end);
      } else {
        if (extend && selection) {
          // Shift+[ gives back the selection's last sentence.
          const last = sentenceBefore(map.text, from.end);
          const previous = last && sentenceBefore(map.text, last.start);
          if (previous && previous.end > from.start) selectText(from.start, previous.end);
        } else {
          const previous = sentenceBefore(map.text, selection ? from.start : map.text.length);
          if (previous) selectText(previous.start, previous.end);
        }
      }
      return;
    }
    if (!selection) return;
    const action = deskActionFor(event);
    if (action) event.preventDefault();
    if (action === 'quote') void quoteInto('block');
    else if (action === 'quoteInline') void quoteInto('inline');
    else if (action === 'highlight') void highlight('yellow');
    else if (action === 'comment') void quoteInto('comment');
    else if (key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
    }
  };

  const highlight = async (color: HighlightColor): Promise<void> => {
    if (!selection) return;
    try {
      await call('passages.highlight', { versionId: textVersionId(), start: selection.start, end: selection.end, color });
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
      await reloadPassages();
    } catch (error) {
      report(error);
    }
  };

  /**
   * Quote (block), Quote inline, or Comment (a block quote, then the cursor in the note
   * below it to write about it) into the current note. On the desk the quote goes straight
   * into the live editor at the writer's cursor; with no current note, a new note is made
   * with the quote and becomes the current note.
   */
  const quoteInto = async (kind: 'block' | 'inline' | 'comment'): Promise<void> => {
    if (!selection) return;
    const started = performance.now();
    try {
      const passage = await call('passages.create', { versionId: textVersionId(), start: selection.start, end: selection.end });
      forgetPassage(passage.id);
      window.getSelection()?.removeAllRanges();
      setSelection(undefined);
      const editor = currentNote ? liveEditorOf(currentNote.id) : undefined;
      const payload: InsertQuotePayload = { passageId: passage.id, text: passage.exact, kind: kind === 'inline' ? 'inline' : 'block' };
      if (editor && currentNote) {
        insertQuote(editor, payload, (element) => {
          window.dispatchEvent(new CustomEvent(QUOTE_SHOWN_EVENT, { detail: { ms: performance.now() - started, passageId: passage.id } }));
          if (kind === 'comment') focusNoteAtCursor(currentNote.id);
          else element?.setAttribute('data-just-quoted', '');
        });
      } else {
        // The note may have edits waiting to be saved: write them first so the appended quote is not overwritten.
        await autosaver.flushAll();
        const result = await call('passages.quoteIntoNote', { passageId: passage.id, kind: payload.kind, ...(currentNote ? { noteId: currentNote.id } : {}) });
        setCurrentNote(result.noteId);
      }
      await reloadPassages();
    } catch (error) {
      report(error);
    }
  };

  const copyWithCitation = async (): Promise<void> => {
    if (!selection || !article || !mapRef.current) return;
    const text = quoteWithCitation(mapRef.current.text, selection.start, selection.end, citedArticleOf(article));
    try {
      // The desktop app's page has no clipboard permission (the session denies every permission): main writes it.
      if (transport === 'electron') await call('export.copyText', { text });
      else await writeClipboard(text);
      setNotice('Copied with citation.');
    } catch (error) {
      report(transport === 'electron' ? error : new Error('The clipboard is not available here; select the text and copy it by hand.'));
    }
    setSelection(undefined);
  };

  /** A fact's words in the rendered article: by offset, or by its words when the rendering differs from the stored text. */
  const factRange = (fact: FactSpanRef): StaticRange | null => {
    const map = mapRef.current;
    if (!map || !content) return null;
    if (!mismatch) return rangeFor(map, fact.start, fact.end);
    const exact = content.text.slice(fact.start, fact.end);
    const found = anchor({ quote: { type: 'TextQuoteSelector', exact, prefix: content.text.slice(Math.max(0, fact.start - 32), fact.start), suffix: content.text.slice(fact.end, fact.end + 32) }, position: { type: 'TextPositionSelector', start: fact.start, end: fact.end } }, map.text);
    return found.start === null || found.end === null ? null : rangeFor(map, found.start, found.end);
  };

  const showFact = (fact: FactSpanRef): void => {
    const range = factRange(fact);
    const scroller = scrollRef.current;
    if (!range || !scroller) return setNotice('These words are not in this version of the article.');
    const rect = liveRange(range).getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += rect.top - box.top - box.height / 3;
    setCurrent(range);
    flash(range);
    bodyRef.current?.setAttribute('data-current-fact', String(fact.id));
  };

  const quoteFact = async (fact: FactSpanRef): Promise<void> => {
    try {
      // The note may have edits waiting to be saved: write them first so the appended quote is not overwritten.
      await autosaver.flushAll();
      const result = await call('facts.quoteIntoNote', { factId: fact.id, ...(currentNote ? { noteId: currentNote.id } : {}) });
      forgetPassage(result.passageId);
      navigate({ kind: 'notes', noteId: result.noteId });
    } catch (error) {
      report(error);
    }
  };

  const copyFact = async (fact: FactSpanRef): Promise<void> => {
    if (!article || !content) return;
    const text = quoteWithCitation(content.text, fact.start, fact.end, citedArticleOf(article));
    try {
      if (transport === 'electron') await call('export.copyText', { text });
      else await writeClipboard(text);
      setNotice('Copied with citation.');
    } catch (error) {
      report(transport === 'electron' ? error : new Error('The clipboard is not available here; select the text and copy it by hand.'));
    }
  };

  const removeHighlight = async (id: number): Promise<void> => {
    try {
      await call('passages.setHighlight', { passageId: id, color: null });
      setPopover(undefined);
      await reloadPassages();
    } catch (error) {
      report(error);
    }
  };

  if (!article || versionId === undefined) return <section className="pane reader-pane"><p className="muted reader-loading">Opening article…</p></section>;

  return (
    <section className="pane reader-pane" aria-label="Reader" data-testid="reader" data-article-id={articleId}>
      <div className="reader-toolbar">
        <button type="button" className="btn btn-quiet-plain" onClick={() => navigate(currentNote ? { kind: 'notes', noteId: currentNote.id } : { kind: 'notes' })}>
          ← {currentNote ? 'Notes' : 'Back'}
        </button>
        {!supportsHighlights() && <span className="muted">Highlights need a browser with the CSS Custom Highlight API.</span>}
        {mismatch && <span className="reader-warning" data-testid="text-mismatch">The article renders differently from its stored text; passages are located by their words.</span>}
        {notice && <span className="muted" role="status">{notice}</span>}
        <span className="reader-panel-switch" role="group" aria-label="Side panel">
          <button type="button" className="btn btn-quiet-plain" aria-pressed={sidePanel === 'passages'} onClick={() => setSidePanel('passages')}>Passages</button>
          <button type="button" className="btn btn-quiet-plain" aria-pressed={sidePanel === 'facts'} data-testid="facts-toggle" onClick={() => setSidePanel('facts')}>Facts</button>
        </span>
      </div>
      <div className="reader-columns">
        <div className="reader-scroll" ref={scrollRef} onKeyDown={onReaderKey}>
          <article className="reader-article">
            <ArticleHeader article={article} versionId={versionId} onVersion={(id) => navigate({ kind: 'article', articleId, versionId: id })} />
            <ItemOrganizer item={{ type: 'article', id: articleId }} onError={onError} />
            <div
              className="reader-body"
              ref={bodyRef}
              data-testid="reader-body"
              tabIndex={0}
              role="document"
              aria-label="Article text. ] selects the next sentence, [ the previous one, Shift extends; then q quotes, Shift+Q quotes inline, h highlights, c comments."
              onMouseUp={readSelection}
              onKeyUp={readSelection}
              onClick={onBodyClick}
            />
          </article>
          {selection && (
            <div className="selection-menu" role="menu" aria-label="Selection" style={{ top: selection.top, left: selection.left }} onMouseDown={(e) => e.preventDefault()}>
              <button type="button" role="menuitem" aria-keyshortcuts="q" onClick={() => void quoteInto('block')}>
                {currentNote ? `Quote into “${displayTitle(currentNote.title)}”` : 'Quote into new note'}
              </button>
              <button type="button" role="menuitem" aria-keyshortcuts="Shift+Q" onClick={() => void quoteInto('inline')}>
                {currentNote ? `Quote inline into “${displayTitle(currentNote.title)}”` : 'Quote inline into new note'}
              </button>
              <button type="button" role="menuitem" aria-keyshortcuts="h" onClick={() => void highlight('yellow')}>Highlight</button>
              <button type="button" role="menuitem" aria-keyshortcuts="c" onClick={() => void quoteInto('comment')}>Comment</button>
              <button type="button" role="menuitem" onClick={() => void copyWithCitation()}>Copy with citation</button>
            </div>
          )}
          {popover && (
            <div className="backlink-popover" role="dialog" aria-label="Quoted in" data-testid="backlink-popover" style={{ top: popover.top, left: popover.left }}>
              {popover.items.map(({ passage }) => (
                <div key={passage.id} className="popover-passage">
                  <div className="popover-exact">“{passage.exact.length > 90 ? `${passage.exact.slice(0, 89)}…` : passage.exact}”</div>
                  {passage.backlinks.length === 0 ? (
                    <div className="muted">Not quoted in any note.</div>
                  ) : (
                    <ul className="backlinks">
                      {passage.backlinks.map((b) => (
                        <li key={b.noteId}>
                          <button type="button" className="link-button" onClick={() => navigate({ kind: 'notes', noteId: b.noteId })}>
                            {displayTitle(b.noteTitle)}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  <ItemOrganizer item={{ type: 'passage', id: passage.id }} onError={onError} compact />
                  {passage.highlight && (
                    <button type="button" className="btn btn-quiet-plain" onClick={() => void removeHighlight(passage.id)}>
                      Remove highlight
                    </button>
                  )}
                </div>
              ))}
            </div>
          )}
        </div>
        {sidePanel === 'facts' && content && (
          <FactsPanel articleId={articleId} versionId={content.versionId} onShow={showFact} onQuote={(f) => void quoteFact(f)} onCopy={(f) => void copyFact(f)} onError={onError} />
        )}
        {sidePanel === 'passages' && <PassagePanel
          passages={passages}
          onShow={(p) => {
            const target = drawnRef.current.find((d) => d.passage.id === p.id);
            if (target) showPassage(target);
          }}
          onOpenNote={(noteId) => navigate({ kind: 'notes', noteId })}
          onChanged={() => void reloadPassages().catch(report)}
          onError={onError}
        />}
      </div>
    </section>
  );
}

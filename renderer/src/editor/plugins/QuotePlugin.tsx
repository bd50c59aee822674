import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  $getRoot,
  SKIP_DOM_SELECTION_TAG,
  createCommand,
  mergeRegister,
  type EditorState,
  type LexicalCommand,
  type LexicalEditor,
  type NodeMutation,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { isAltered } from '../../../../shared/text/quoteIntegrity';
import type { PassageDetail } from '../../../../shared/domain/passage';
import { useCall } from '../../api/queries';
import { openArticle } from '../../app/routes';
import { cachedPassage, loadPassage, onPassagesFetched } from '../../features/passages/passageQueries';
import { TombstoneView } from '../../features/passages/TombstoneView';
import { $isInlineQuoteNode, InlineQuoteNode } from '../nodes/InlineQuoteNode';
import { $isSourceQuoteNode, SourceQuoteNode } from '../nodes/SourceQuoteNode';
import { registerNoteEditor, registerNoteFocus, rememberCursor, rememberedCursor } from '../../features/desk/deskEditor';
import { $insertBlockQuote, $insertInlineQuote, $paragraphBesideQuote, $restoreCursor, $savedPointOf, type SavedPoint } from './quoteInsertion';

export interface InsertQuotePayload {
  passageId: number;
  /** The passage's exact words. */
  text: string;
  kind: 'block' | 'inline';
}

export const INSERT_QUOTE_COMMAND: LexicalCommand<InsertQuotePayload> = createCommand('INSERT_QUOTE_COMMAND');

/**
 * Inserts a quote at the note's last cursor from outside the editor (the
 * reader on the desk), without moving the DOM selection or focus out of the
 * reader. `onShown` runs once the quote is in the note's DOM.
 */
export function insertQuote(editor: LexicalEditor, payload: InsertQuotePayload, onShown?: (element: HTMLElement | null) => void): void {
  let key: string | undefined;
  editor.update(
    () => {
      editor.dispatchCommand(INSERT_QUOTE_COMMAND, payload);
      key = lastInsertedKey;
    },
    {
      tag: SKIP_DOM_SELECTION_TAG,
      onUpdate: () => {
        const element = key === undefined ? null : editor.getElementByKey(key);
        element?.scrollIntoView({ block: 'nearest' });
        onShown?.(element);
      },
    },
  );
}

let lastInsertedKey: string | undefined;

interface QuoteSeen {
  key: string;
  passageId: number | null;
  text: string;
}

const FLAG_TEXT: Record<string, string> = {
  altered: 'altered — not the source’s words',
  changed: 'source changed since quoted',
  orphan: 'not in the latest version',
  source_deleted: 'source deleted',
  source_in_trash: 'source in trash',
  unlinked: 'unlinked',
};

/**
 * Owns quotes in the note editor: inserting them, and keeping each quote's
 * citation chip and flags in step with its text. "Altered" is computed here
 * against the passage's exact words (fetched once per passage) on every
 * update, so an edit flags the quote at once and undo clears it; the server
 * derives the same flag with the same function when the note is saved.
 */
export function QuotePlugin({ noteId, savedRevision }: { noteId?: number; savedRevision?: number }): ReactNode {
  const [editor] = useLexicalComposerContext();
  const [tombstone, setTombstone] = useState<PassageDetail | undefined>();

  // After each committed save (its note.saved event refetches this query), and whenever a passage
  // it quotes moves, the server's statuses are painted as data-server-status, quote by quote in
  // document order: the client's flag, confirmed.
  const serverQuotes = useCall('passages.quotesOfNote', { noteId: noteId ?? 0 }, { enabled: noteId !== undefined && savedRevision !== undefined, meta: { silent: true } }).data;
  useEffect(() => {
    if (!serverQuotes) return;
    const keys = editor.getEditorState().read(() => outermostQuoteKeys());
    keys.forEach((key, i) => {
      const element = editor.getElementByKey(key);
      const status = serverQuotes[i]?.status;
      if (element && status) element.dataset.serverStatus = status;
    });
  }, [editor, serverQuotes]);

  useEffect(() => {
    // The quote nodes in the note, kept by Lexical's mutation listeners (created / destroyed), so
    // repainting after an update visits the quotes only, never the whole tree.
    const quoteKeys = new Set<string>();
    const trackQuotes = (mutations: Map<string, NodeMutation>): void => {
      for (const [key, mutation] of mutations) {
        if (mutation === 'destroyed') quoteKeys.delete(key);
        else quoteKeys.add(key);
      }
    };
    const decorate = (state: EditorState) => decorateQuotes(editor, state, quoteKeys, () => decorate(editor.getEditorState()));
    const stopTracking = mergeRegister(
      editor.registerMutationListener(SourceQuoteNode, trackQuotes, { skipInitialization: false }),
      editor.registerMutationListener(InlineQuoteNode, trackQuotes, { skipInitialization: false }),
    );
    decorate(editor.getEditorState());
    // The writer's cursor, kept while focus is in the reader (Lexical drops the selection then).
    let saved: SavedPoint | undefined = noteId === undefined ? undefined : rememberedCursor(noteId);
    const keep = (point: SavedPoint): void => {
      saved = point;
      if (noteId !== undefined) rememberCursor(noteId, point);
    };
    const besideQuote = (where: 'before' | 'after', onlyWhenNothingThere: boolean) => (event: KeyboardEvent | null) => {
      const created = $paragraphBesideQuote(where, undefined, onlyWhenNothingThere);
      if (!created) return false;
      event?.preventDefault();
      return true;
    };
    return mergeRegister(
      stopTracking,
      ...(noteId === undefined
        ? []
        : [
            registerNoteEditor(noteId, editor),
            registerNoteFocus(noteId, () => {
              editor.update(() => void $restoreCursor(saved));
              editor.getRootElement()?.focus({ preventScroll: true });
            }),
          ]),
      editor.registerCommand(
        INSERT_QUOTE_COMMAND,
        ({ passageId, text, kind }) => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) keep($savedPointOf(selection));
          const node = kind === 'block' ? $insertBlockQuote(passageId, text, saved) : $insertInlineQuote(passageId, text, saved);
          lastInsertedKey = node.getKey();
          const after = $getSelection();
          if ($isRangeSelection(after)) keep($savedPointOf(after));
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Enter at the very start of a block quote, or ↑ there with nothing above, opens a paragraph above it;
      // ↓ at the very end of a quote with nothing below opens one below: text never has to go into the quote.
      editor.registerCommand(KEY_ENTER_COMMAND, besideQuote('before', false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, besideQuote('before', true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, besideQuote('after', true), COMMAND_PRIORITY_LOW),
      // Ctrl/Cmd+Home and +End reach a quote at the very start or end of the note (the browser's own move stops short of it).
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || (event.key !== 'Home' && event.key !== 'End')) return false;
          const edge = event.key === 'Home' ? $getRoot().getFirstChild() : $getRoot().getLastChild();
          if (!$isSourceQuoteNode(edge)) return false;
          event.preventDefault();
          if (event.key === 'Home') edge.selectStart();
          else edge.selectEnd();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) keep($savedPointOf(selection));
        });
        decorate(editorState);
      }),
      // A change event refetched a passage (re-clip, deleted source): repaint the flags, no reload.
      onPassagesFetched(() => decorate(editor.getEditorState())),
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onChipClick);
        previous?.removeEventListener('keydown', onChipKey);
        root?.addEventListener('click', onChipClick);
        root?.addEventListener('keydown', onChipKey);
      }),
    );

    /** A focused chip is a link: Enter (or Space) follows it like a click. */
    function onChipKey(event: KeyboardEvent): void {
      const chip = (event.target as Element | null)?.closest?.('.quote-chip');
      if (!(chip instanceof HTMLElement) || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      event.stopPropagation();
      chip.click();
    }

    function onChipClick(event: MouseEvent): void {
      const add = (event.target as Element | null)?.closest?.('.dq-add');
      if (add instanceof HTMLElement) {
        event.preventDefault();
        const where = add.dataset.where === 'before' ? 'before' : 'after';
        editor.update(() => {
          const quote = $getNearestNodeFromDOMNode(add.parentElement!);
          if (quote) $paragraphBesideQuote(where, quote.getKey());
        });
        editor.focus();
        return;
      }
      const chip = (event.target as Element | null)?.closest?.('.quote-chip');
      if (!(chip instanceof HTMLElement)) return;
      event.preventDefault();
      const passageId = Number(chip.dataset.passageId);
      if (!passageId) return;
      void loadPassage(passageId).then((passage) => {
        if (!passage) return;
        // A deleted source has no article to open: show what the note keeps of it instead.
        if (passage.source.articleId === null) setTombstone(passage);
        else if (!passage.source.inTrash) openArticle(passage.source.articleId, { passageId, ...(noteId === undefined ? {} : { fromNoteId: noteId }) });
      });
    }
  }, [editor, noteId]);

  if (!tombstone) return null;
  return (
    <TombstoneView
      passage={tombstone}
      onClose={() => {
        setTombstone(undefined);
        editor.focus();
      }}
    />
  );
}

/** Quote nodes in document order, outermost only: the order the server numbers them in. */
function outermostQuoteKeys(): string[] {
  const keys: string[] = [];
  for (const { node } of $dfsIterator()) {
    if (!($isSourceQuoteNode(node) || $isInlineQuoteNode(node))) continue;
    if (node.getParents().some((p) => $isSourceQuoteNode(p) || $isInlineQuoteNode(p))) continue;
    keys.push(node.getKey());
  }
  return keys;
}

function decorateQuotes(editor: LexicalEditor, state: EditorState, quoteKeys: ReadonlySet<string>, onLoaded: () => void): void {
  const quotes: QuoteSeen[] = [];
  state.read(() => {
    for (const key of quoteKeys) {
      const node = $getNodeByKey(key);
      if ($isSourceQuoteNode(node) || $isInlineQuoteNode(node)) quotes.push({ key, passageId: node.getPassageId(), text: node.getTextContent() });
    }
  });
  for (const quote of quotes) {
    const element = editor.getElementByKey(quote.key);
    if (!element) continue;
    if (quote.passageId === null) {
      paint(element, 'unlinked', null);
      continue;
    }
    const passage = cachedPassage(quote.passageId);
    if (passage === undefined) {
      void loadPassage(quote.passageId).then(onLoaded);
      continue;
    }
    if (passage === null) paint(element, 'unlinked', null);
    else paint(element, isAltered(quote.text, passage.exact) ? 'altered' : passage.source.inTrash ? 'source_in_trash' : passage.anchor.status, passage);
  }
}

function paint(element: HTMLElement, status: string, passage: PassageDetail | null): void {
  element.dataset.status = status;
  element.dataset.altered = String(status === 'altered');
  const chip = element.querySelector<HTMLElement>(':scope > .quote-chip');
  if (!chip) return;
  const source = chip.querySelector('.quote-chip-source');
  const flag = chip.querySelector('.quote-flag');
  const full = chip.querySelector('.quote-chip-citation');
  if (source && passage) {
    if (source.textContent !== passage.citation.short) source.textContent = passage.citation.short;
    const hint = !passage.source.articleId
      ? 'The source article was deleted: Enter or click shows the quoted words and their citation.'
      : passage.source.inTrash
        ? 'The source article is in the Trash: restore it to open it.'
        : passage.anchor.status === 'changed' && passage.anchor.matched
        ? `The latest version of the source reads: “${passage.anchor.matched}”. Enter or click opens it.`
        : 'Enter or click opens the source at this passage.';
    if (full && (full.firstChild?.textContent !== passage.citation.full || full.lastChild?.textContent !== hint)) {
      const citation = document.createElement('span');
      citation.textContent = passage.citation.full;
      const how = document.createElement('span');
      how.className = 'quote-chip-hint';
      how.textContent = hint;
      full.replaceChildren(citation, how);
    }
  }
  if (flag) {
    const text = FLAG_TEXT[status] ?? '';
    if (flag.textContent !== text) flag.textContent = text;
  }
}

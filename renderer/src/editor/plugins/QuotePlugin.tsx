import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  mergeRegister,
  type EditorState,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { isAltered } from '../../../../shared/text/quoteIntegrity';
import type { PassageWithBacklinks } from '../../../../shared/domain/passage';
import { useCall } from '../../api/queries';
import { openArticle } from '../../app/routes';
import { cachedPassage, loadPassage, onPassagesFetched } from '../../features/passages/passageQueries';
import { TombstoneView } from '../../features/passages/TombstoneView';
import { $createInlineQuoteNode, $isInlineQuoteNode } from '../nodes/InlineQuoteNode';
import { $createQuoteNode, $isQuoteNode } from '../nodes/QuoteNode';

export interface InsertQuotePayload {
  passageId: number;
  /** The passage's exact words. */
  text: string;
  kind: 'block' | 'inline';
}

export const INSERT_QUOTE_COMMAND: LexicalCommand<InsertQuotePayload> = createCommand('INSERT_QUOTE_COMMAND');

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
  const [tombstone, setTombstone] = useState<PassageWithBacklinks | undefined>();

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
    const decorate = (state: EditorState) => decorateQuotes(editor, state, () => decorate(editor.getEditorState()));
    decorate(editor.getEditorState());
    return mergeRegister(
      editor.registerCommand(
        INSERT_QUOTE_COMMAND,
        ({ passageId, text, kind }) => {
          if (kind === 'block') {
            $insertNodes([$createQuoteNode(passageId).append($createTextNode(text))]);
          } else {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            selection.insertNodes([$createInlineQuoteNode(passageId).append($createTextNode(text))]);
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerUpdateListener(({ editorState }) => decorate(editorState)),
      // A change event refetched a passage (re-clip, deleted source): repaint the flags, no reload.
      onPassagesFetched(() => decorate(editor.getEditorState())),
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onChipClick);
        root?.addEventListener('click', onChipClick);
      }),
    );

    function onChipClick(event: MouseEvent): void {
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
    if (!($isQuoteNode(node) || $isInlineQuoteNode(node))) continue;
    if (node.getParents().some((p) => $isQuoteNode(p) || $isInlineQuoteNode(p))) continue;
    keys.push(node.getKey());
  }
  return keys;
}

function decorateQuotes(editor: LexicalEditor, state: EditorState, onLoaded: () => void): void {
  const quotes: QuoteSeen[] = [];
  state.read(() => {
    for (const { node } of $dfsIterator()) {
      if ($isQuoteNode(node) || $isInlineQuoteNode(node)) quotes.push({ key: node.getKey(), passageId: node.getPassageId(), text: node.getTextContent() });
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

function paint(element: HTMLElement, status: string, passage: PassageWithBacklinks | null): void {
  element.dataset.status = status;
  element.dataset.altered = String(status === 'altered');
  const chip = element.querySelector<HTMLElement>(':scope > .quote-chip');
  if (!chip) return;
  const source = chip.querySelector('.quote-chip-source');
  const flag = chip.querySelector('.quote-flag');
  if (source && passage) {
    const label = [passage.source.siteName, passage.source.title].filter(Boolean).join(' / ');
    if (source.textContent !== label) source.textContent = label;
    chip.title = !passage.source.articleId
      ? 'The source article was deleted: click to see the quoted words and their citation'
      : passage.source.inTrash
        ? 'The source article is in the Trash: restore it to open it'
        : passage.anchor.status === 'changed' && passage.anchor.matched
        ? `The latest version of the source reads: “${passage.anchor.matched}”. Click to open it.`
        : 'Open the source at this passage';
  }
  if (flag) {
    const text = FLAG_TEXT[status] ?? '';
    if (flag.textContent !== text) flag.textContent = text;
  }
}

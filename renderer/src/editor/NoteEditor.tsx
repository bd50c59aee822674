import { TRANSFORMERS } from '@lexical/markdown';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TabIndentationPlugin } from '@lexical/react/LexicalTabIndentationPlugin';
import type { EditorState, LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { NOTE_NODES } from './nodes';
import { QuotePlugin } from './plugins/QuotePlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { normalizeLinkUrl } from './safeUrl';
import { noteTheme } from './theme';

export interface NoteEditorProps {
  /** Serialized editor state to start from; the component is re-keyed per note, never re-seeded. */
  initialJson: string;
  /** Called for content changes only (not selection moves), with the immutable state at that moment. */
  onChange(state: EditorState, editor: LexicalEditor): void;
  onError(error: Error): void;
  /** The note being edited (quote chips remember it when they open the reader). */
  noteId?: number;
  /** Bumped after each committed save: quote flags are then confirmed against the server's view. */
  savedRevision?: number;
}

export function NoteEditor({ initialJson, onChange, onError, noteId, savedRevision }: NoteEditorProps): ReactNode {
  const initialConfig: InitialConfigType = {
    namespace: 'dossier-note',
    nodes: [...NOTE_NODES],
    theme: noteTheme,
    editorState: initialJson,
    onError,
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-shell">
        <ToolbarPlugin />
        <div className="editor-scroll">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-content"
                aria-label="Note text"
                aria-placeholder="Start writing…"
                placeholder={<div className="editor-placeholder">Start writing… Markdown shortcuts work: # heading, - list, &gt; quote, **bold**</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => normalizeLinkUrl(url) !== undefined} />
        <TabIndentationPlugin />
        <QuotePlugin {...(noteId === undefined ? {} : { noteId })} {...(savedRevision === undefined ? {} : { savedRevision })} />
        <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
        <OnChangePlugin ignoreSelectionChange ignoreHistoryMergeTagChange onChange={onChange} />
      </div>
    </LexicalComposer>
  );
}

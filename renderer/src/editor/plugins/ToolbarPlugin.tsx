import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { normalizeLinkUrl } from '../safeUrl';

type BlockType = 'paragraph' | HeadingTagType | 'quote' | 'bullet' | 'number' | 'other';

const FORMATS: Array<{ format: TextFormatType; label: string; title: string; className: string }> = [
  { format: 'bold', label: 'B', title: 'Bold (Ctrl+B)', className: 'tb-bold' },
  { format: 'italic', label: 'I', title: 'Italic (Ctrl+I)', className: 'tb-italic' },
  { format: 'underline', label: 'U', title: 'Underline (Ctrl+U)', className: 'tb-underline' },
  { format: 'strikethrough', label: 'S', title: 'Strikethrough', className: 'tb-strike' },
  { format: 'code', label: '</>', title: 'Inline code', className: 'tb-code' },
];

export function ToolbarPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState<Set<TextFormatType>>(new Set());
  const [blockType, setBlockType] = useState<BlockType>('paragraph');
  const [isLink, setIsLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | undefined>(undefined);
  const [linkError, setLinkError] = useState('');
  const linkInput = useRef<HTMLInputElement>(null);

  const readSelection = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    setFormats(new Set(FORMATS.map((f) => f.format).filter((f) => selection.hasFormat(f))));
    const anchor = selection.anchor.getNode();
    const block = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
    const list = $getNearestNodeOfType(anchor, ListNode);
    if (list && $isListNode(list)) setBlockType(list.getListType() === 'number' ? 'number' : 'bullet');
    else if ($isHeadingNode(block)) setBlockType(block.getTag());
    else if ($isQuoteNode(block)) setBlockType('quote');
    else if (block.getType() === 'paragraph') setBlockType('paragraph');
    else setBlockType('other');
    const parent = anchor.getParent();
    setIsLink($isLinkNode(parent) || $isLinkNode(anchor));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(readSelection)),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, readSelection],
  );

  useEffect(() => {
    if (linkDraft !== undefined) linkInput.current?.focus();
  }, [linkDraft]);

  const setBlock = (type: BlockType): void => {
    if (type === 'bullet' || type === 'number') {
      const command = type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND;
      editor.dispatchCommand(blockType === type ? REMOVE_LIST_COMMAND : command, undefined);
      return;
    }
    if (blockType === 'bullet' || blockType === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (type === 'quote') $setBlocksType(selection, () => (blockType === 'quote' ? $createParagraphNode() : $createQuoteNode()));
      else if (type === 'h1' || type === 'h2' || type === 'h3') $setBlocksType(selection, () => (blockType === type ? $createParagraphNode() : $createHeadingNode(type)));
      else $setBlocksType(selection, () => $createParagraphNode());
    });
  };

  const applyLink = (): void => {
    if (linkDraft === undefined) return;
    if (linkDraft.trim() === '') {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      setLinkDraft(undefined);
      return;
    }
    const url = normalizeLinkUrl(linkDraft);
    if (!url) {
      setLinkError('Only web (http, https) and mailto links are allowed');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, { url, rel: 'noopener noreferrer', target: null });
    setLinkDraft(undefined);
    editor.focus();
  };

  const button = (props: { label: ReactNode; title: string; active?: boolean; disabled?: boolean; className?: string; onClick: () => void }): ReactNode => (
    <button
      type="button"
      className={`tb-btn ${props.className ?? ''} ${props.active ? 'is-active' : ''}`}
      title={props.title}
      // The name holds what the button shows ("1. Numbered list"), so speech input can name it (WCAG label in name).
      aria-label={typeof props.label === 'string' && /[\p{L}\p{N}]/u.test(props.label) ? `${props.label} ${props.title}` : props.title}
      aria-pressed={props.active ?? undefined}
      disabled={props.disabled}
      // Keep the editor's selection: a toolbar click must not steal focus first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button({ label: '↶', title: 'Undo (Ctrl+Z)', disabled: !canUndo, onClick: () => editor.dispatchCommand(UNDO_COMMAND, undefined) })}
      {button({ label: '↷', title: 'Redo (Ctrl+Shift+Z)', disabled: !canRedo, onClick: () => editor.dispatchCommand(REDO_COMMAND, undefined) })}
      <span className="tb-sep" />
      <select
        className="tb-select"
        aria-label="Block type"
        value={blockType === 'other' || blockType === 'h4' || blockType === 'h5' || blockType === 'h6' ? 'paragraph' : blockType}
        onChange={(event) => setBlock(event.target.value as BlockType)}
      >
        <option value="paragraph">Text</option>
        <option value="h1">Heading 1</option>
        <option value="h2">Heading 2</option>
        <option value="h3">Heading 3</option>
        <option value="quote">Block quote</option>
        <option value="bullet">Bulleted list</option>
        <option value="number">Numbered list</option>
      </select>
      <span className="tb-sep" />
      {FORMATS.map((f) => (
        <span key={f.format}>
          {button({
            label: f.label,
            title: f.title,
            className: f.className,
            active: formats.has(f.format),
            onClick: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format),
          })}
        </span>
      ))}
      {button({ label: 'Link', title: isLink ? 'Edit or remove link' : 'Add link', active: isLink, onClick: () => { setLinkError(''); setLinkDraft(''); } })}
      <span className="tb-sep" />
      {button({ label: '•', title: 'Bulleted list', active: blockType === 'bullet', onClick: () => setBlock('bullet') })}
      {button({ label: '1.', title: 'Numbered list', active: blockType === 'number', onClick: () => setBlock('number') })}
      {button({ label: '❝', title: 'Block quote', active: blockType === 'quote', onClick: () => setBlock('quote') })}
      {linkDraft !== undefined && (
        <span className="tb-link-editor">
          <input
            ref={linkInput}
            type="url"
            placeholder="https://… (empty removes the link)"
            aria-label="Link address"
            value={linkDraft}
            onChange={(event) => setLinkDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') { event.preventDefault(); applyLink(); }
              if (event.key === 'Escape') { setLinkDraft(undefined); editor.focus(); }
            }}
          />
          <button type="button" className="tb-btn" onClick={applyLink}>Apply</button>
          {linkError && <span className="tb-link-error" role="alert">{linkError}</span>}
        </span>
      )}
    </div>
  );
}

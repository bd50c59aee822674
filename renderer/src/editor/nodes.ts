import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { InlineQuoteNode } from './nodes/InlineQuoteNode';
import { SourceQuoteNode } from './nodes/SourceQuoteNode';

/** Every node a note may contain. CodeNode is required by Markdown shortcuts' ``` transformer. */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  SourceQuoteNode,
  InlineQuoteNode,
];

import type { ItemRef, TagItemRef } from '../../../shared/domain/organize';
import type { SnippetPart } from '../../../shared/domain/search';
import type { CommandContext } from '../command';
import { UsageError } from '../usageError';

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.out(JSON.stringify(value, null, 2));
}

/** A row id typed on the command line (what the contract's RowId accepts: 1 up to the largest safe integer). */
export function parseId(raw: unknown, what: string): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) === 0 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`${what} must be a positive whole number`);
  }
  return Number(raw);
}

export function positiveInt(raw: unknown, what: string, max: number): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`${what} must be a whole number from 0 to ${max}`);
  return Number(raw);
}

type ItemKind = 'article' | 'note' | 'passage';
const EXAMPLE_ID: Record<ItemKind, number> = { article: 12, note: 5, passage: 7 };
/** Every word that names a kind of item: the full name, its first letter, and `quote` for a passage. */
const ITEM_WORDS: Record<string, ItemKind> = { article: 'article', a: 'article', note: 'note', n: 'note', passage: 'passage', quote: 'passage', p: 'passage' };

function either(words: string[]): string {
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/** Items on the command line: article:12 note:5 (or a12 n5), and passage:7 (p7) where `kinds` allow passages. */
export function parseItems(words: string[]): ItemRef[];
export function parseItems(words: string[], kinds: readonly ['article', 'note', 'passage']): TagItemRef[];
export function parseItems(words: string[], kinds: readonly ItemKind[] = ['article', 'note']): (ItemRef | TagItemRef)[] {
  if (words.length === 0) throw new UsageError(`Name at least one item, like ${either(kinds.map((k) => `${k}:${EXAMPLE_ID[k]}`))}`);
  return words.map((word) => {
    const match = /^([a-z]+):?(\d+)$/i.exec(word);
    const kind = match ? ITEM_WORDS[match[1]!.toLowerCase()] : undefined;
    if (!match || !kind || !kinds.includes(kind)) throw new UsageError(`"${word}" is not an item: write ${either(kinds.map((k) => `${k}:ID`))}`);
    return { type: kind, id: Number(match[2]) } as ItemRef | TagItemRef;
  });
}

/** A snippet for a terminal: matched words in [brackets]. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
}

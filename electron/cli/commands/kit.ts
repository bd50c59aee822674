import type { ItemRef } from '../../../shared/domain/organize';
import type { SnippetPart } from '../../../shared/domain/search';
import { UsageError, type CommandContext } from '../commands';

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.out(JSON.stringify(value, null, 2));
}

export function positiveInt(raw: unknown, what: string, max: number): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`${what} must be a whole number from 0 to ${max}`);
  return Number(raw);
}

/** Items on the command line: article:12 note:5 (or a12 n5). */
export function parseItems(words: string[]): ItemRef[] {
  if (words.length === 0) throw new UsageError('Name at least one item, like article:12 or note:5');
  return words.map((word) => {
    const match = /^(article|note|a|n):?(\d+)$/i.exec(word);
    if (!match) throw new UsageError(`"${word}" is not an item: write article:ID or note:ID`);
    return { type: match[1]!.toLowerCase().startsWith('a') ? 'article' : 'note', id: Number(match[2]) };
  });
}

/** A snippet for a terminal: matched words in [brackets]. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
}

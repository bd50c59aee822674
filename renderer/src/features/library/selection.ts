/**
 * Multi-select over a list of ids, as file managers do it: a click selects
 * one row, Ctrl/Cmd-click toggles one, Shift-click selects the range from the
 * anchor (the last plain or Ctrl click), Ctrl+Shift-click adds that range.
 * Pure functions, so the rules are unit-tested without a browser.
 */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Index the next Shift range starts from. */
  anchor: number | undefined;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: undefined };

export interface ClickModifiers {
  shift?: boolean;
  toggle?: boolean;
}

export function clickRow(selection: Selection, order: readonly number[], index: number, { shift = false, toggle = false }: ClickModifiers = {}): Selection {
  const id = order[index];
  if (id === undefined) return selection;
  if (shift && selection.anchor !== undefined) {
    const range = rangeIds(order, selection.anchor, index);
    return { ids: toggle ? new Set([...selection.ids, ...range]) : new Set(range), anchor: selection.anchor };
  }
  if (toggle) return toggleRow(selection, order, index);
  return { ids: new Set([id]), anchor: index };
}

export function toggleRow(selection: Selection, order: readonly number[], index: number): Selection {
  const id = order[index];
  if (id === undefined) return selection;
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index };
}

/** Shift+arrow: the selection becomes the range from the anchor to the row moved to. */
export function extendTo(selection: Selection, order: readonly number[], from: number, to: number): Selection {
  const anchor = selection.anchor ?? from;
  return { ids: new Set(rangeIds(order, anchor, to)), anchor };
}

export function selectAll(order: readonly number[]): Selection {
  return { ids: new Set(order), anchor: order.length ? 0 : undefined };
}

/** Keeps only ids still listed (after a delete, a new sort or filter keeps what is still visible). */
export function keepListed(selection: Selection, order: readonly number[]): Selection {
  const listed = new Set(order);
  const ids = new Set([...selection.ids].filter((id) => listed.has(id)));
  return ids.size === selection.ids.size ? selection : { ids, anchor: undefined };
}

function rangeIds(order: readonly number[], a: number, b: number): number[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return order.slice(Math.max(from, 0), Math.min(to, order.length - 1) + 1);
}

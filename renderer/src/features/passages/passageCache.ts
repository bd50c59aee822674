import type { PassageWithBacklinks } from '../../../../shared/domain/passage';
import { call } from '../../api/client';

/**
 * Passages as the note editor needs them (exact text, source, status): fetched
 * once per passage per page load, shared by every quote of it.
 */
const loaded = new Map<number, PassageWithBacklinks | null>();
const pending = new Map<number, Promise<PassageWithBacklinks | null>>();

export function cachedPassage(id: number): PassageWithBacklinks | null | undefined {
  return loaded.get(id);
}

export function loadPassage(id: number): Promise<PassageWithBacklinks | null> {
  const known = loaded.get(id);
  if (known !== undefined) return Promise.resolve(known);
  let request = pending.get(id);
  if (!request) {
    request = call('passages.get', { id })
      .catch(() => null)
      .then((passage) => {
        loaded.set(id, passage);
        pending.delete(id);
        return passage;
      });
    pending.set(id, request);
  }
  return request;
}

/** After the server changed a passage (re-anchor, new backlink), read it again next time. */
export function forgetPassage(id: number): void {
  loaded.delete(id);
}

/** After articles went to the Trash or came back, every quote's source state may have changed. */
export function forgetAllPassages(): void {
  loaded.clear();
}

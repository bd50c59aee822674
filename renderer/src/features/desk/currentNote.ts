import { useSyncExternalStore } from 'react';

/**
 * The current note: the one on the desk, which the reader's Quote, Quote
 * inline and Comment actions write into. It is the note last opened (in the
 * notes list, a chip, the palette, search or the desk's own picker), and it
 * survives a reload (kept in localStorage, an id only: never note text).
 */
const KEY = 'dossier.currentNote';
const listeners = new Set<() => void>();

function read(): number | undefined {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
  } catch {
    return undefined;
  }
}

let current: number | undefined = typeof window === 'undefined' ? undefined : read();

export function currentNoteId(): number | undefined {
  return current;
}

export function setCurrentNote(id: number | undefined): void {
  if (id === current) return;
  current = id;
  try {
    if (id === undefined) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, String(id));
  } catch {
    // Storage refused (private mode): the choice lasts for this session only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentNoteId(): number | undefined {
  return useSyncExternalStore(subscribe, currentNoteId);
}

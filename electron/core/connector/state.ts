import { dirname, join } from 'node:path';
import type { CoreContext } from '../context';
import { LiveQuotes } from './liveQuotes';
import { ConnectorPairing, fileTokenStore, memoryTokenStore } from './pairing';

/**
 * The connector's state for one core: its pairing (tokens kept in
 * `connector-tokens.json` beside the library) and the "current note" — the
 * last note the app said the desk shows (`connector.setCurrentNote`), where a
 * quote from the browser goes. It is a core-side notion so the connector
 * works whichever window (or harness page) is open; null means "a new note".
 */
export interface ConnectorState {
  pairing: ConnectorPairing;
  currentNoteId: number | null;
  /** Quotes offered to the current note's open editor (see liveQuotes.ts). */
  liveQuotes: LiveQuotes;
}

const states = new WeakMap<CoreContext, ConnectorState>();

export const CONNECTOR_TOKENS_FILE = 'connector-tokens.json';

export function connectorState(ctx: CoreContext): ConnectorState {
  let state = states.get(ctx);
  if (!state) {
    const store = ctx.dbPath === ':memory:' ? memoryTokenStore() : fileTokenStore(join(dirname(ctx.dbPath), CONNECTOR_TOKENS_FILE));
    state = { pairing: new ConnectorPairing(store), currentNoteId: null, liveQuotes: new LiveQuotes() };
    states.set(ctx, state);
  }
  return state;
}

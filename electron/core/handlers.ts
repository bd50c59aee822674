import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract/channels';
import type { CoreContext } from './context';
import * as notes from './services/notes';
import { checkDatabase } from './services/database';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One entry per contract channel: a missing or extra key is a compile error (and a unit test). */
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * The single handler table. Electron IPC, the browser harness and the CLI all
 * bind this same table through dispatch(); none of them holds logic of its own.
 */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'notes.list': () => notes.listNotes(ctx),
    'notes.get': ({ id }) => notes.getNote(ctx, id),
    'notes.create': ({ title }) => notes.createNote(ctx, title),
    'notes.rename': ({ id, title }) => notes.renameNote(ctx, id, title),
    'notes.save': ({ id, contentJson }) => notes.saveNoteContent(ctx, id, contentJson),
    'notes.delete': ({ id }) => notes.deleteNote(ctx, id),
    'db.check': () => checkDatabase(ctx),
  };
}

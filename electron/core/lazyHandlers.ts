import {
  ARTICLES_CHANNELS,
  CLIP_CHANNELS,
  CONNECTOR_CHANNELS,
  DB_CHANNELS,
  EXPORT_CHANNELS,
  FACTS_CHANNELS,
  IMPORT_CHANNELS,
  LIBRARY_CHANNELS,
  NOTES_CHANNELS,
  PASSAGES_CHANNELS,
  PROJECTS_CHANNELS,
  SEARCH_CHANNELS,
  TAGS_CHANNELS,
  TRASH_CHANNELS,
} from '../../shared/contract/channelNames';
import type { Channel } from '../../shared/contract/channels';
import type { CoreContext } from './context';
import type { Handlers } from './handlers';

/**
 * The handler table built one domain at a time, on first use. A CLI call pays
 * only for its own domain: `notes list` never loads the clip pipeline (jsdom,
 * Readability) or export, which cost seconds to load. Each loader is a dynamic
 * import, so the CLI bundle (electron/launch/build-cli.mjs) splits it into its
 * own chunk. A channel no loader lists (a domain added since) falls back to the
 * whole table from createHandlers(): slower, never wrong. Domain tables are
 * kept once built, since some hold per-session state (clip's confirmed hosts).
 */
type DomainTable = Partial<Handlers>;

const DOMAINS: { channels: readonly Channel[]; load(ctx: CoreContext): Promise<DomainTable> }[] = [
  { channels: NOTES_CHANNELS, load: async (ctx) => (await import('./handlers/notes')).notesHandlers(ctx) },
  { channels: ARTICLES_CHANNELS, load: async (ctx) => (await import('./handlers/articles')).articlesHandlers(ctx) },
  { channels: DB_CHANNELS, load: async (ctx) => (await import('./handlers/db')).dbHandlers(ctx) },
  { channels: CLIP_CHANNELS, load: async (ctx) => (await import('./handlers/clip')).clipHandlers(ctx) },
  { channels: PASSAGES_CHANNELS, load: async (ctx) => (await import('./handlers/passages')).passagesHandlers(ctx) },
  { channels: EXPORT_CHANNELS, load: async (ctx) => (await import('./handlers/export')).exportHandlers(ctx) },
  { channels: SEARCH_CHANNELS, load: async (ctx) => (await import('./handlers/search')).searchHandlers(ctx) },
  { channels: PROJECTS_CHANNELS, load: async (ctx) => (await import('./handlers/projects')).projectsHandlers(ctx) },
  { channels: TAGS_CHANNELS, load: async (ctx) => (await import('./handlers/tags')).tagsHandlers(ctx) },
  { channels: LIBRARY_CHANNELS, load: async (ctx) => (await import('./handlers/library')).libraryHandlers(ctx) },
  { channels: IMPORT_CHANNELS, load: async (ctx) => (await import('./handlers/import')).importHandlers(ctx) },
  { channels: TRASH_CHANNELS, load: async (ctx) => (await import('./handlers/trash')).trashHandlers(ctx) },
  { channels: CONNECTOR_CHANNELS, load: async (ctx) => (await import('./handlers/connector')).connectorHandlers(ctx) },
  { channels: FACTS_CHANNELS, load: async (ctx) => (await import('./handlers/facts')).factsHandlers(ctx) },
];

const loadAll = async (ctx: CoreContext): Promise<DomainTable> => (await import('./handlers')).createHandlers(ctx);

/** Returns, for a channel, a table holding its handler (pass it to dispatch()). */
export function lazyHandlers(ctx: CoreContext): (channel: string) => Promise<Handlers> {
  const built = new Map<(ctx: CoreContext) => Promise<DomainTable>, Promise<DomainTable>>();
  return async (channel) => {
    const load = DOMAINS.find((d) => (d.channels as readonly string[]).includes(channel))?.load ?? loadAll;
    let table = built.get(load);
    if (!table) {
      table = load(ctx);
      built.set(load, table);
    }
    const domain = await table;
    // A listed domain that does not serve the channel (it moved): the whole table does.
    return (channel in domain ? domain : await loadAll(ctx)) as Handlers;
  };
}

import type { Channel, ChannelOutput, ParsedInput } from '../../../shared/contract/channels';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Handlers for a subset of channels: each domain file provides one of these. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

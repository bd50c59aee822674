import type { z } from 'zod';
import type { ChannelName } from './channelNames';
import { articlesContract } from './domains/articles';
import { clipContract } from './domains/clip';
import { dbContract } from './domains/db';
import { exportContract } from './domains/export';
import { notesContract } from './domains/notes';
import { passagesContract } from './domains/passages';
import { libraryContract } from './domains/library';
import { projectsContract } from './domains/projects';
import { searchContract } from './domains/search';
import { tagsContract } from './domains/tags';
import { importContract } from './domains/import';
import { factsContract } from './domains/facts';
import { trashContract } from './domains/trash';
import { connectorContract } from './domains/connector';
import type { ChannelSpec } from './spec';

/**
 * The one contract for every main↔renderer call, assembled from one file per
 * domain (./domains). Each channel declares its input schema (validated in the
 * main process on every call, whatever the transport: Electron IPC, the browser
 * harness or the CLI) and its output schema (the type the caller receives;
 * tests check handlers against it).
 *
 * Inputs are strict objects: unknown keys are refused, so a typo in a caller
 * fails loudly instead of being ignored.
 */
export const contract = {
  ...notesContract,
  ...articlesContract,
  ...dbContract,
  ...clipContract,
  ...passagesContract,
  ...exportContract,
  ...searchContract,
  ...projectsContract,
  ...tagsContract,
  ...libraryContract,
  ...importContract,
  ...factsContract,
  ...trashContract,
  ...connectorContract,
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
// Both directions: no channel in the contract is missing from CHANNEL_NAMES, and no name lacks a schema.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const CHANNEL_NAMES_MATCH_CONTRACT: Exact<Channel, ChannelName> = true;

/** What a caller passes (before zod defaults/transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

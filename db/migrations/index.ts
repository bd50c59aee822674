import type { Migration } from '../migrate';
import { m001Notes } from './001-notes';
import { m002Articles } from './002-articles';
import { m003Durability } from './003-durability';

/** Append only. A migration that has landed is never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [m001Notes, m002Articles, m003Durability];

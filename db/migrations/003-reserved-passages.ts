import type { Migration } from '../migrate';

/**
 * Placeholder: version 3 is reserved for the passages table, built on another
 * branch. It exists only so this branch's later migrations keep the 1..n
 * numbering that migrate() enforces; the lead replaces it with the real
 * passages migration at merge.
 */
export const m003ReservedPassages: Migration = {
  version: 3,
  name: 'reserved-passages',
  up() {},
};

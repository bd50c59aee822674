import type { Migration } from '../migrate';

/**
 * PLACEHOLDER, branch facts-store only: version 10 belongs to the trash
 * migration (branch upkeep-trash). db/migrate.ts refuses gaps in the version
 * list, so facts' migration 011 needs a 10 in this branch to run at all. At
 * merge, this file is dropped and upkeep-trash's 010 takes its place.
 */
export const m010Reserved: Migration = {
  version: 10,
  name: 'reserved-for-trash',
  up() {
    // Nothing: see above.
  },
};

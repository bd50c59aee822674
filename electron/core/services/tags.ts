import * as repo from '../../../db/repositories/tags';
import type { ItemRef, Tag } from '../../../shared/domain/organize';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { assertItemsExist, distinctItems } from './organize';

export function listTags(ctx: CoreContext): Tag[] {
  return repo.listTags(ctx.db);
}

/** Tags the items, creating the tag on first use. */
export function addTag(ctx: CoreContext, name: string, items: readonly ItemRef[]): { tag: Tag; added: number } {
  return ctx.db.transaction(() => {
    const unique = distinctItems(items);
    assertItemsExist(ctx.db, unique);
    const tagId = repo.ensureTag(ctx.db, name, ctx.now());
    const added = repo.tagItems(ctx.db, tagId, unique);
    return { tag: repo.findTagByName(ctx.db, name)!, added };
  }).immediate();
}

/** Untags the items; a tag left on nothing disappears from the list. */
export function removeTag(ctx: CoreContext, name: string, items: readonly ItemRef[]): { name: string; removed: number } {
  return ctx.db.transaction(() => {
    const tag = repo.findTagByName(ctx.db, name);
    if (!tag) throw new DossierError('not_found', `There is no tag "${name}".`);
    const removed = repo.untagItems(ctx.db, tag.id, distinctItems(items));
    repo.deleteUnusedTag(ctx.db, tag.id);
    return { name: tag.name, removed };
  }).immediate();
}

export function tagsOf(ctx: CoreContext, item: ItemRef): string[] {
  return repo.tagsOfItem(ctx.db, item);
}

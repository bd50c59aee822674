import * as repo from '../../../db/repositories/tags';
import type { ItemRef, Tag, TagItemRef } from '../../../shared/domain/organize';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { announced } from '../events';
import { assertItemsExist, distinctItems } from './organize';

export function listTags(ctx: CoreContext): Tag[] {
  return repo.listTags(ctx.db);
}

/** Refuses the whole call, changing nothing, when any item is gone. */
function assertTaggableItemsExist(ctx: CoreContext, items: readonly TagItemRef[]): void {
  assertItemsExist(ctx.db, items.filter((item): item is ItemRef => item.type !== 'passage'));
  const missing = repo.missingPassages(ctx.db, items);
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).map((m) => `passage ${m.id}`).join(', ');
    throw new DossierError('not_found', `${missing.length === 1 ? 'This passage does' : `${missing.length} passages do`} not exist (${shown}${missing.length > 5 ? ', …' : ''}). Nothing was changed.`);
  }
}

/** Tags the items (articles, notes, passages), creating the tag on first use. */
export function addTag(ctx: CoreContext, name: string, items: readonly TagItemRef[]): { tag: Tag; added: number } {
  return announced(ctx, { type: 'organize.changed', what: 'tags' }, ctx.db.transaction(() => {
    const unique = distinctItems(items);
    assertTaggableItemsExist(ctx, unique);
    const tagId = repo.ensureTag(ctx.db, name, ctx.now());
    const added = repo.tagItems(ctx.db, tagId, unique);
    return { tag: repo.findTagByName(ctx.db, name)!, added };
  }).immediate());
}

/** Untags the items; a tag left on nothing disappears from the list. */
export function removeTag(ctx: CoreContext, name: string, items: readonly TagItemRef[]): { name: string; removed: number } {
  return announced(ctx, { type: 'organize.changed', what: 'tags' }, ctx.db.transaction(() => {
    const tag = repo.findTagByName(ctx.db, name);
    if (!tag) throw new DossierError('not_found', `There is no tag "${name}".`);
    const removed = repo.untagItems(ctx.db, tag.id, distinctItems(items));
    repo.deleteUnusedTag(ctx.db, tag.id);
    return { name: tag.name, removed };
  }).immediate());
}

export function tagsOf(ctx: CoreContext, item: TagItemRef): string[] {
  return repo.tagsOfItem(ctx.db, item);
}

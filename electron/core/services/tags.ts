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

/** Renames a tag everywhere it is used; a name another tag has is refused (merge them instead). */
export function renameTag(ctx: CoreContext, id: number, name: string): Tag {
  return announced(ctx, { type: 'organize.changed', what: 'tags' }, ctx.db.transaction(() => {
    const existing = repo.findTagByName(ctx.db, name);
    if (existing && existing.id !== id) throw new DossierError('invalid_input', `A tag named "${existing.name}" already exists: merge the two tags instead.`);
    if (!repo.renameTag(ctx.db, id, name)) tagNotFound(id);
    return repo.getTag(ctx.db, id)!;
  }).immediate());
}

/** Merges `sourceId` into `targetId` in one transaction: everything the source tags gets the target, and the source is deleted. */
export function mergeTags(ctx: CoreContext, sourceId: number, targetId: number): { tag: Tag; moved: number } {
  if (sourceId === targetId) throw new DossierError('invalid_input', 'A tag cannot be merged into itself: choose another tag.');
  return announced(ctx, { type: 'organize.changed', what: 'tags' }, ctx.db.transaction(() => {
    if (!repo.getTag(ctx.db, sourceId)) tagNotFound(sourceId);
    if (!repo.getTag(ctx.db, targetId)) tagNotFound(targetId);
    const moved = repo.mergeTagInto(ctx.db, sourceId, targetId);
    return { tag: repo.getTag(ctx.db, targetId)!, moved };
  }).immediate());
}

/** Deletes the tag: it comes off every article, note and quote; the items themselves stay. */
export function deleteTag(ctx: CoreContext, id: number): { id: number } {
  if (!repo.deleteTag(ctx.db, id)) tagNotFound(id);
  return announced(ctx, { type: 'organize.changed', what: 'tags' }, { id });
}

function tagNotFound(id: number): never {
  throw new DossierError('not_found', `Tag ${id} does not exist (it may have been deleted).`);
}

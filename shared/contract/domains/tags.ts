import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { TagItemRefSchema, TagItemRefs, TagName, TagSchema } from '../../domain/organize';
import type { TagsChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const tagsContract = {
  'tags.list': { input: z.strictObject({}), output: z.array(TagSchema) },
  'tags.add': {
    input: z.strictObject({ name: TagName, items: TagItemRefs }),
    output: z.object({ tag: TagSchema, added: z.number().int().nonnegative() }),
  },
  'tags.remove': {
    input: z.strictObject({ name: TagName, items: TagItemRefs }),
    output: z.object({ name: z.string(), removed: z.number().int().nonnegative() }),
  },
  'tags.ofItem': { input: z.strictObject({ item: TagItemRefSchema }), output: z.array(z.string()) },
  'tags.rename': { input: z.strictObject({ id: RowId, name: TagName }), output: TagSchema },
  /** Everything the source tags gets the target tag and the source is deleted, in one transaction. */
  'tags.merge': {
    input: z.strictObject({ sourceId: RowId, targetId: RowId }),
    output: z.object({ tag: TagSchema, moved: z.number().int().nonnegative() }),
  },
  /** The tag comes off every item; the items stay. */
  'tags.delete': { input: z.strictObject({ id: RowId }), output: z.object({ id: RowId }) },
} as const satisfies Record<TagsChannel, ChannelSpec>;

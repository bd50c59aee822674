import { z } from 'zod';
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
} as const satisfies Record<TagsChannel, ChannelSpec>;

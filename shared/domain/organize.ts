import { z } from 'zod';
import { NO_CONTROL_CHARACTERS } from '../text/controlCharacters';
import { RowId, Timestamp } from './ids';

export const PROJECT_NAME_MAX = 200;
export const TAG_NAME_MAX = 100;
/** Items per organize call: enough for any multi-select, small enough for one quick transaction. */
export const ITEMS_PER_CALL_MAX = 10_000;


export const ProjectName = z
  .string()
  .trim()
  .min(1, 'A project needs a name')
  .regex(NO_CONTROL_CHARACTERS, 'A project name cannot contain control characters')
  .max(PROJECT_NAME_MAX, `A project name can have at most ${PROJECT_NAME_MAX} characters`);

export const TagName = z
  .string()
  .trim()
  .min(1, 'A tag needs a name')
  .regex(NO_CONTROL_CHARACTERS, 'A tag cannot contain control characters')
  .max(TAG_NAME_MAX, `A tag can have at most ${TAG_NAME_MAX} characters`);

/** Something a project or tag can hold. Passages join once they exist. */
export const ItemRefSchema = z.strictObject({ type: z.enum(['article', 'note']), id: RowId });
export type ItemRef = z.infer<typeof ItemRefSchema>;
export const ItemRefs = z.array(ItemRefSchema).min(1, 'Select at least one item').max(ITEMS_PER_CALL_MAX);

/** Something a tag can go on: passages (quotes) too. */
export const TagItemRefSchema = z.strictObject({ type: z.enum(['article', 'note', 'passage']), id: RowId });
export type TagItemRef = z.infer<typeof TagItemRefSchema>;
export const TagItemRefs = z.array(TagItemRefSchema).min(1, 'Select at least one item').max(ITEMS_PER_CALL_MAX);

export const ProjectSchema = z.object({
  id: RowId,
  name: z.string(),
  articleCount: z.number().int().nonnegative(),
  noteCount: z.number().int().nonnegative(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectItemSchema = z.object({
  type: z.enum(['article', 'note']),
  id: RowId,
  title: z.string(),
  addedAt: Timestamp,
});
export type ProjectItem = z.infer<typeof ProjectItemSchema>;

export const ProjectDetailSchema = ProjectSchema.extend({ items: z.array(ProjectItemSchema) });
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const TagSchema = z.object({
  id: RowId,
  name: z.string(),
  articleCount: z.number().int().nonnegative(),
  noteCount: z.number().int().nonnegative(),
  passageCount: z.number().int().nonnegative().optional(),
});
export type Tag = z.infer<typeof TagSchema>;

export const ReadingStateSchema = z.enum(['unread', 'read', 'archived']);

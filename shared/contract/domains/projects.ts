import { z } from 'zod';
import { RowId } from '../../domain/ids';
import { ItemRefSchema, ItemRefs, ProjectDetailSchema, ProjectName, ProjectSchema } from '../../domain/organize';
import type { ProjectsChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

export const projectsContract = {
  'projects.list': { input: z.strictObject({}), output: z.array(ProjectSchema) },
  'projects.get': { input: z.strictObject({ id: RowId }), output: ProjectDetailSchema },
  'projects.create': { input: z.strictObject({ name: ProjectName }), output: ProjectSchema },
  'projects.rename': { input: z.strictObject({ id: RowId, name: ProjectName }), output: ProjectSchema },
  'projects.delete': { input: z.strictObject({ id: RowId }), output: z.object({ id: RowId }) },
  'projects.addItems': {
    input: z.strictObject({ projectId: RowId, items: ItemRefs }),
    output: z.object({ projectId: RowId, added: z.number().int().nonnegative() }),
  },
  'projects.removeItems': {
    input: z.strictObject({ projectId: RowId, items: ItemRefs }),
    output: z.object({ projectId: RowId, removed: z.number().int().nonnegative() }),
  },
  /** The projects one article or note belongs to, by name. */
  'projects.ofItem': { input: z.strictObject({ item: ItemRefSchema }), output: z.array(ProjectSchema) },
  /** Every item of the source joins the target and the source is deleted, in one transaction. */
  'projects.merge': {
    input: z.strictObject({ sourceId: RowId, targetId: RowId }),
    output: z.object({ project: ProjectSchema, moved: z.number().int().nonnegative() }),
  },
} as const satisfies Record<ProjectsChannel, ChannelSpec>;

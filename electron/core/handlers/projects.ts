import type { ProjectsChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as projects from '../services/projects';
import type { HandlersFor } from './types';

export function projectsHandlers(ctx: CoreContext): HandlersFor<ProjectsChannel> {
  return {
    'projects.list': () => projects.listProjects(ctx),
    'projects.get': ({ id }) => projects.getProject(ctx, id),
    'projects.create': ({ name }) => projects.createProject(ctx, name),
    'projects.rename': ({ id, name }) => projects.renameProject(ctx, id, name),
    'projects.delete': ({ id }) => projects.deleteProject(ctx, id),
    'projects.addItems': ({ projectId, items }) => projects.addItems(ctx, projectId, items),
    'projects.removeItems': ({ projectId, items }) => projects.removeItems(ctx, projectId, items),
    'projects.ofItem': ({ item }) => projects.projectsOf(ctx, item),
    'projects.merge': ({ sourceId, targetId }) => projects.mergeProjects(ctx, sourceId, targetId),
  };
}

import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import { parseItems, printJson } from './kit';

/** A project named by id or by name (any case). */
async function projectId(ctx: CommandContext, nameOrId: string | undefined): Promise<number> {
  if (!nameOrId) throw new UsageError('Name the project (its name or id)');
  const projects = await ctx.call('projects.list', {});
  const found =
    projects.find((p) => String(p.id) === nameOrId) ?? projects.find((p) => p.name.toLocaleLowerCase() === nameOrId.trim().toLocaleLowerCase());
  if (!found) throw new UsageError(`There is no project "${nameOrId}" (see dossier projects list)`);
  return found.id;
}

export const PROJECTS_COMMANDS: Command[] = [
  {
    path: ['projects', 'list'],
    usage: 'dossier projects list [--json]',
    summary: 'List projects with their article and note counts',
    async run(ctx) {
      const projects = await ctx.call('projects.list', {});
      if (ctx.json) printJson(ctx, projects);
      else if (projects.length === 0) ctx.io.out('No projects yet.');
      else ctx.io.out(formatTable([['ID', 'ARTICLES', 'NOTES', 'NAME'], ...projects.map((p) => [String(p.id), String(p.articleCount), String(p.noteCount), p.name])]));
      return 0;
    },
  },
  {
    path: ['projects', 'create'],
    usage: 'dossier projects create NAME [--json]',
    summary: 'Create a project',
    async run(ctx, { positionals }) {
      const project = await ctx.call('projects.create', { name: positionals.join(' ') });
      if (ctx.json) printJson(ctx, project);
      else ctx.io.out(`Created project ${project.id}: ${project.name}`);
      return 0;
    },
  },
  {
    path: ['projects', 'show'],
    usage: 'dossier projects show PROJECT [--json]',
    summary: "List a project's articles and notes",
    async run(ctx, { positionals }) {
      const project = await ctx.call('projects.get', { id: await projectId(ctx, positionals.join(' ')) });
      if (ctx.json) printJson(ctx, project);
      else
        ctx.io.out(
          [`${project.name} — ${project.articleCount} articles, ${project.noteCount} notes`, ...project.items.map((i) => `  ${i.type}:${i.id}  ${i.title}`)].join('\n'),
        );
      return 0;
    },
  },
  {
    path: ['projects', 'add'],
    usage: 'dossier projects add PROJECT ITEM... [--json]   (ITEM = article:ID or note:ID)',
    summary: 'Add articles and notes to a project',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      const result = await ctx.call('projects.addItems', { projectId: await projectId(ctx, name), items: parseItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Added ${result.added} item${result.added === 1 ? '' : 's'} to ${name}.`);
      return 0;
    },
  },
  {
    path: ['projects', 'remove'],
    usage: 'dossier projects remove PROJECT ITEM... [--json]',
    summary: 'Remove articles and notes from a project (they stay in the library)',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      const result = await ctx.call('projects.removeItems', { projectId: await projectId(ctx, name), items: parseItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Removed ${result.removed} item${result.removed === 1 ? '' : 's'} from ${name}.`);
      return 0;
    },
  },
  {
    path: ['projects', 'rename'],
    usage: 'dossier projects rename PROJECT NEW_NAME [--json]',
    summary: 'Rename a project',
    async run(ctx, { positionals }) {
      const [name, ...rest] = positionals;
      const project = await ctx.call('projects.rename', { id: await projectId(ctx, name), name: rest.join(' ') });
      if (ctx.json) printJson(ctx, project);
      else ctx.io.out(`Renamed project ${project.id} to ${project.name}`);
      return 0;
    },
  },
  {
    path: ['projects', 'merge'],
    usage: 'dossier projects merge PROJECT INTO_PROJECT [--json]   (quote names with spaces)',
    summary: 'Move every article and note of PROJECT into INTO_PROJECT, then delete PROJECT (one transaction)',
    async run(ctx, { positionals }) {
      if (positionals.length !== 2) throw new UsageError('Name two projects: the one to merge, then the one it goes into');
      const result = await ctx.call('projects.merge', { sourceId: await projectId(ctx, positionals[0]), targetId: await projectId(ctx, positionals[1]) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Merged ${positionals[0]} into ${result.project.name}: ${result.moved} item${result.moved === 1 ? '' : 's'} moved.`);
      return 0;
    },
  },
  {
    path: ['projects', 'of'],
    usage: 'dossier projects of ITEM [--json]   (ITEM = article:ID or note:ID)',
    summary: 'The projects one article or note belongs to',
    async run(ctx, { positionals }) {
      if (positionals.length !== 1) throw new UsageError('Name one item, like note:5');
      const projects = await ctx.call('projects.ofItem', { item: parseItems(positionals)[0]! });
      if (ctx.json) printJson(ctx, projects);
      else ctx.io.out(projects.length ? projects.map((p) => p.name).join('\n') : 'In no project.');
      return 0;
    },
  },
  {
    path: ['projects', 'delete'],
    usage: 'dossier projects delete PROJECT [--json]',
    summary: 'Delete a project (its articles and notes stay in the library)',
    async run(ctx, { positionals }) {
      const result = await ctx.call('projects.delete', { id: await projectId(ctx, positionals.join(' ')) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Deleted project ${result.id}.`);
      return 0;
    },
  },
];

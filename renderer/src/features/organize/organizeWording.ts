import type { Project, Tag } from '../../../../shared/domain/organize';

/** Pure wording for what renaming, merging and deleting a project or tag does (one place; unit-tested). */

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function listOf(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function projectItems(project: Project): string {
  const parts = [project.articleCount > 0 ? count(project.articleCount, 'article', 'articles') : '', project.noteCount > 0 ? count(project.noteCount, 'note', 'notes') : ''].filter(Boolean);
  return listOf(parts);
}

function tagItems(tag: Tag): string {
  const parts = [
    tag.articleCount > 0 ? count(tag.articleCount, 'article', 'articles') : '',
    tag.noteCount > 0 ? count(tag.noteCount, 'note', 'notes') : '',
    (tag.passageCount ?? 0) > 0 ? count(tag.passageCount ?? 0, 'quote', 'quotes') : '',
  ].filter(Boolean);
  return listOf(parts);
}

export function projectDeleteImpact(project: Project): string {
  const items = projectItems(project);
  return items
    ? `Only the project goes: its ${items} stay in the library, in any other project and under their tags.`
    : 'The project holds nothing; nothing else changes.';
}

export function tagDeleteImpact(tag: Tag): string {
  const items = tagItems(tag);
  return items ? `The tag comes off ${items}; they stay in the library.` : 'No item carries this tag; nothing else changes.';
}

export function projectMergeImpact(source: Project, target: Project | undefined): string {
  const into = target ? `“${target.name}”` : 'the project you choose';
  const items = projectItems(source);
  const verb = source.articleCount + source.noteCount === 1 ? 'moves' : 'move';
  return `${items ? `Its ${items} ${verb} into ${into}` : `It holds nothing to move into ${into}`}, then “${source.name}” is deleted.`;
}

export function tagMergeImpact(source: Tag, target: Tag | undefined): string {
  const into = target ? `#${target.name}` : 'the tag you choose';
  const items = tagItems(source);
  return `${items ? `${target ? into : 'That tag'} goes on its ${items}` : 'No item carries it'}, then #${source.name} is deleted.`;
}

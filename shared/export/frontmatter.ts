import { stringify } from 'yaml';
import type { CitedArticle, NoteForExport } from './types';

/** The cited source as listed in frontmatter: plain data a reference manager can read back. */
export function sourceEntry(article: CitedArticle): Record<string, unknown> {
  return {
    id: article.id,
    title: article.title,
    authors: article.authors,
    outlet: article.outlet,
    published: article.publishedAt,
    url: article.url,
    accessed: article.accessedAt,
  };
}

/** YAML frontmatter between `---` lines; the yaml package quotes whatever needs quoting. */
export function yamlBlock(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}---\n`;
}

/**
 * Each cited source's YAML, rendered once per article object: a project cites
 * the same few sources from hundreds of notes, and YAML rendering dominates.
 */
const sourceYaml = new WeakMap<CitedArticle, string>();

function sourceItemYaml(article: CitedArticle): string {
  let text = sourceYaml.get(article);
  if (text === undefined) {
    text = stringify([sourceEntry(article)], { lineWidth: 0 })
      .split('\n')
      .map((line) => (line === '' ? line : `  ${line}`))
      .join('\n');
    sourceYaml.set(article, text);
  }
  return text;
}

export function noteFrontmatter(note: NoteForExport, cited: CitedArticle[]): string {
  const head = stringify(
    {
      title: note.title.trim() === '' ? 'Untitled note' : note.title,
      created: note.createdAt,
      updated: note.updatedAt,
      tags: note.tags,
      projects: note.projects,
      dossier: { note: note.id },
    },
    { lineWidth: 0 },
  );
  const sources = cited.length === 0 ? 'sources: []\n' : `sources:\n${cited.map(sourceItemYaml).join('')}`;
  return `---\n${head}${sources}---\n`;
}

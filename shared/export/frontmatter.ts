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

export function noteFrontmatter(note: NoteForExport, cited: CitedArticle[]): string {
  return yamlBlock({
    title: note.title.trim() === '' ? 'Untitled note' : note.title,
    created: note.createdAt,
    updated: note.updatedAt,
    tags: note.tags,
    projects: note.projects,
    dossier: { note: note.id },
    sources: cited.map(sourceEntry),
  });
}

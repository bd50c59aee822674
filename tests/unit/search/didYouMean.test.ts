import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import * as projects from '../../../electron/core/services/projects';
import { search } from '../../../electron/core/services/search';
import { deletePermanently, moveToTrash } from '../../../electron/core/services/trash';
import { editDistance } from '../../../shared/search/editDistance';
import { resolveName } from '../../../shared/search/suggest';
import { editorJson, makeTestCore } from '../../helpers/core';

/** Search that helps (issue #14): unknown filter keys, project: by prefix, did-you-mean from the library's own words. */
describe('search suggestions', () => {
  let core: ReturnType<typeof makeTestCore>;
  let venezuela: number;
  beforeEach(() => {
    core = makeTestCore();
    [venezuela] = importPlainTextArticles(core.ctx, [
      { title: 'Strikes off Venezuela', text: 'Maduro denounced the strikes off the coast of Venezuela as international piracy.' },
      { title: 'Vessels seized', text: 'Venezuelan officials said the vessels were fishing boats. Venezuela protested.' },
      { title: 'Port dredging', text: 'The harbour dredging contract went to a shell company.' },
    ]).results.map((r) => r.articleId) as [number];
    const memo = notes.createNote(core.ctx, 'Memo').id;
    notes.saveNoteContent(core.ctx, memo, editorJson('Ask the ministry about the harbour.'));
    const strikes = projects.createProject(core.ctx, 'Venezuela strikes');
    projects.addItems(core.ctx, strikes.id, [{ type: 'article', id: venezuela }, { type: 'note', id: memo }]);
    projects.createProject(core.ctx, 'Vessel registry');
    projects.createProject(core.ctx, 'Port audit');
  });
  afterEach(() => core.close());

  it('offers the library word nearest a misspelt one, in the case it was typed', () => {
    expect(search(core.ctx, 'Venezuala')).toMatchObject({ total: 0, suggestion: 'Venezuela', message: null });
    expect(search(core.ctx, 'Madruo piracy')).toMatchObject({ total: 0, suggestion: 'Maduro piracy' });
    // As typed in the box: the last word is sent as a prefix.
    expect(search(core.ctx, 'strikes Venezuala*')).toMatchObject({ total: 0, suggestion: 'strikes Venezuela*' });
    expect(search(core.ctx, 'VESSLES')).toMatchObject({ suggestion: 'VESSELS' });
    // Each missing word of the query is replaced; words the library holds are left alone.
    expect(search(core.ctx, 'dreging harbor')).toMatchObject({ total: 0, suggestion: 'dredging harbour' });
    // A query with hits, an unfinished prefix the library completes, and a word with nothing near get none.
    expect(search(core.ctx, 'venezuela')).toMatchObject({ suggestion: null });
    expect(search(core.ctx, 'venezu*')).toMatchObject({ suggestion: null });
    expect(search(core.ctx, 'xylophone')).toMatchObject({ total: 0, suggestion: null });
    // A word that is there, in a query that finds nothing for another reason.
    expect(search(core.ctx, 'dredging tag:nothing')).toMatchObject({ total: 0, suggestion: null });
  });

  it('never suggests a word of a deleted item', () => {
    expect(search(core.ctx, 'shel company')).toMatchObject({ suggestion: 'shell company' });
    const dredging = core.ctx.db.prepare(`SELECT id FROM articles WHERE title = 'Port dredging'`).pluck().get() as number;
    moveToTrash(core.ctx, 'article', [dredging]);
    deletePermanently(core.ctx, [{ type: 'article', id: dredging }]);
    expect(search(core.ctx, 'shel company')).toMatchObject({ total: 0, suggestion: null });
  });

  it('explains an unknown filter key and offers the nearest one', () => {
    const result = search(core.ctx, 'piracy tpye:article');
    expect(result).toMatchObject({ groups: [], total: 0, suggestion: 'piracy type:article' });
    expect(result.message).toContain('There is no filter "tpye:". Did you mean type:?');
    expect(search(core.ctx, result.suggestion!).total).toBe(1);
  });

  it('takes an unambiguous start of a project name, and says when a name is ambiguous or matches nothing', () => {
    const ids = (q: string) => search(core.ctx, q).groups.flatMap((g) => g.hits.map((h) => `${h.type}:${h.id}`));
    expect(ids('project:venez')).toEqual(ids('project:"Venezuela strikes"'));
    expect(ids('project:venez')).toHaveLength(2);
    expect(ids('project:"venezuela str"')).toHaveLength(2);
    expect(ids('project:VENEZUELA')).toHaveLength(2);
    expect(ids('-project:venez dredging')).toHaveLength(1);

    const ambiguous = search(core.ctx, 'project:ve');
    expect(ambiguous).toMatchObject({ groups: [], suggestion: null });
    expect(ambiguous.message).toBe('project:ve could be “Venezuela strikes”, “Vessel registry”: type more of the name.');

    const misspelt = search(core.ctx, 'piracy project:venzuela');
    expect(misspelt.message).toBe('No project is called “venzuela”. Did you mean “Venezuela strikes”?');
    expect(misspelt.suggestion).toBe('piracy project:"Venezuela strikes"');
    expect(search(core.ctx, misspelt.suggestion!).total).toBe(1);

    const unknown = search(core.ctx, 'project:zzz');
    expect(unknown.message).toBe('No project is called “zzz”. Projects: “Port audit”, “Venezuela strikes”, “Vessel registry”.');
  });
});

describe('edit distance and name matching', () => {
  it('counts an adjacent transposition as one edit and gives up past the limit', () => {
    expect(editDistance('madruo', 'maduro')).toBe(1);
    expect(editDistance('tpye', 'type')).toBe(1);
    expect(editDistance('venezuala', 'venezuela')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('resolves names case- and accent-insensitively', () => {
    expect(resolveName('project', 'medico', ['Médicos sin fronteras'])).toEqual({ ok: true, name: 'Médicos sin fronteras' });
    expect(resolveName('project', 'port', ['Port', 'Port audit'])).toEqual({ ok: true, name: 'Port' }); // the exact name wins over longer ones
    expect(resolveName('project', 'x', [])).toMatchObject({ ok: false, message: 'There are no projects yet, so project:x matches nothing.' });
  });
});


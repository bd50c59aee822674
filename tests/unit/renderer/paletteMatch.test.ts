import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/search/parseQuery';
import { matchesLabel, projectQuery } from '../../../renderer/src/features/palette/paletteMatch';

describe('palette matching of commands and project names', () => {
  it('needs every typed word somewhere in the label, ignoring case and accents', () => {
    expect(matchesLabel('Go to Library', 'go lib')).toBe(true);
    expect(matchesLabel('Go to Library', 'LIBRARY')).toBe(true);
    expect(matchesLabel('Go to Library', 'go notes')).toBe(false);
    expect(matchesLabel('Enquête Montréal', 'enquete montr')).toBe(true);
    expect(matchesLabel('New note', 'note new')).toBe(true);
  });

  it('an empty or blank query lists everything', () => {
    expect(matchesLabel('New note', '')).toBe(true);
    expect(matchesLabel('New note', '   ')).toBe(true);
  });

  it('a project becomes a project: filter the query parser accepts, even with quotes in its name', () => {
    expect(projectQuery('Port audit')).toBe('project:"Port audit" ');
    expect(projectQuery('The "Harbour" files')).toBe('project:"The  Harbour  files" ');
    for (const name of ['Port audit', 'The "Harbour" files', 'a"']) {
      expect(parseQuery(projectQuery(name)).ok, name).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { emptyProjectWarning, preferredProjectId } from '../../../renderer/src/features/export/preferredProject';

const project = (id: number, name: string, noteCount = 1, articleCount = 1) => ({ id, name, noteCount, articleCount, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const projects = [project(1, 'Anchorage'), project(2, 'Harbour'), project(3, 'Venezuela strikes')];

describe('the project "Export project…" starts on', () => {
  it('is the open note’s project, the library’s project when the note is in several', () => {
    expect(preferredProjectId(projects, { noteProjectIds: [3], scopeProjectId: 2 })).toBe(3);
    expect(preferredProjectId(projects, { noteProjectIds: [3, 2], scopeProjectId: 2 })).toBe(2);
  });

  it('else the library view’s project, else the open article’s, else the first; gone projects are passed over', () => {
    expect(preferredProjectId(projects, { noteProjectIds: [], scopeProjectId: 2, articleProjectIds: [3] })).toBe(2);
    expect(preferredProjectId(projects, { articleProjectIds: [9, 3] })).toBe(3);
    expect(preferredProjectId(projects, { noteProjectIds: [9], scopeProjectId: 8 })).toBe(1);
    expect(preferredProjectId([], {})).toBeUndefined();
  });
});

describe('the warning before exporting a project with no notes', () => {
  it('says what the export would hold, and nothing for a project with notes', () => {
    expect(emptyProjectWarning(project(2, 'Harbour', 0, 3))).toBe('“Harbour” has no notes yet: the export would hold only its 3 sources, with no notes and no citations.');
    expect(emptyProjectWarning(project(2, 'Harbour', 0, 0))).toBe('“Harbour” holds no notes and no articles: there is nothing to export.');
    expect(emptyProjectWarning(project(2, 'Harbour', 2, 0))).toBeUndefined();
  });
});

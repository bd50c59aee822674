import { describe, expect, it } from 'vitest';
import { projectDeleteImpact, projectMergeImpact, tagDeleteImpact, tagMergeImpact } from '../../../renderer/src/features/organize/organizeWording';

const project = (name: string, articleCount: number, noteCount: number) => ({ id: 1, name, articleCount, noteCount, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const tag = (name: string, articleCount: number, noteCount: number, passageCount: number) => ({ id: 2, name, articleCount, noteCount, passageCount });

describe('what deleting or merging a project or tag says it affects', () => {
  it('names the items that stay, with singular and plural', () => {
    expect(projectDeleteImpact(project('Oil', 3, 1))).toBe('Only the project goes: its 3 articles and 1 note stay in the library, in any other project and under their tags.');
    expect(projectDeleteImpact(project('Empty', 0, 0))).toBe('The project holds nothing; nothing else changes.');
    expect(tagDeleteImpact(tag('verified', 1, 2, 5))).toBe('The tag comes off 1 article, 2 notes and 5 quotes; they stay in the library.');
    expect(tagDeleteImpact(tag('unused', 0, 0, 0))).toBe('No item carries this tag; nothing else changes.');
  });

  it('says where a merge moves the items and that the source goes', () => {
    expect(projectMergeImpact(project('Venez', 2, 0), project('Venezuela strikes', 4, 4))).toBe('Its 2 articles move into “Venezuela strikes”, then “Venez” is deleted.');
    expect(tagMergeImpact(tag('venez', 0, 1, 0), tag('venezuela', 1, 0, 0))).toBe('#venezuela goes on its 1 note, then #venez is deleted.');
    expect(projectMergeImpact(project('Venez', 1, 0), undefined)).toBe('Its 1 article moves into the project you choose, then “Venez” is deleted.');
  });
});

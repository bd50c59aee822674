import { describe, expect, it } from 'vitest';
import type { ClipPreview } from '../../../shared/contract/domains/clip';
import { draftOfPreview, previewEdits, previewProblems } from '../../../renderer/src/features/library/previewEdits';

const preview = {
  title: 'Kristi NoemKristi Lynn Noem… MORE | TheHill',
  byline: null,
  authors: ['Ana Ruiz'],
  siteName: 'thehill.com',
  publishedTime: '2025-12-09',
  fieldStatus: {},
} as unknown as ClipPreview;

describe('the paste preview’s corrections', () => {
  it('sends only the fields changed, trimmed, with a written date in its stored form', () => {
    const initial = draftOfPreview(preview);
    expect(previewEdits(initial, initial)).toEqual({});
    const draft = { ...initial, title: ' Noem visits the port ', authors: 'Ana Ruiz, Tom Li ,', siteName: 'The Hill', publishedAt: 'Dec 10, 2025' };
    expect(previewEdits(draft, initial)).toEqual({ title: 'Noem visits the port', authors: ['Ana Ruiz', 'Tom Li'], siteName: 'The Hill', publishedAt: '2025-12-10' });
    expect(previewEdits({ ...initial, siteName: '', publishedAt: '' }, initial)).toEqual({ siteName: null, publishedAt: null });
  });

  it('stops on an empty title or an unreadable date, beside the field', () => {
    const initial = draftOfPreview(preview);
    expect(previewProblems({ ...initial, title: '  ', publishedAt: 'sometime last week' }, initial)).toEqual({
      title: 'An article needs a title.',
      publishedAt: 'Not a date Dossier can read: write it like Mar 14, 2025 or 2025-03-14.',
    });
    expect(previewProblems(initial, initial)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { formatArticleDate, parseWrittenDate } from '../../../shared/text/dates';

describe('one way to show and read article dates', () => {
  it('shows a calendar day as that day in any zone, an instant in the journalist\'s zone and locale', () => {
    // The same stored values the details pane and the reader used to show differently.
    expect(formatArticleDate('2019-11-19', { locale: 'en-US', timeZone: 'Pacific/Kiritimati' })).toBe('Nov 19, 2019');
    expect(formatArticleDate('2019-11-19', { locale: 'en-US', timeZone: 'Pacific/Pago_Pago' })).toBe('Nov 19, 2019');
    expect(formatArticleDate('2019-11-20T09:29:08.000Z', { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 20, 2019');
    expect(formatArticleDate('2019-11-20T03:29:08.000Z', { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('Nov 19, 2019');
    expect(formatArticleDate('2019-11-20T09:29:08.000Z', { locale: 'de-DE', timeZone: 'Europe/Berlin', withTime: true })).toBe('20. Nov. 2019, 10:29');
    expect(formatArticleDate('2019-11-20T09:29:08.000Z', { locale: 'fr-FR', timeZone: 'UTC' })).toBe('20 nov. 2019');
    // The publisher's wall clock is shown as written, whatever the viewer's zone.
    expect(formatArticleDate('2016-12-22T18:47:00', { locale: 'en-US', timeZone: 'Asia/Tokyo', withTime: true })).toBe('Dec 22, 2016, 06:47 PM');
    expect(formatArticleDate('sometime in 2019')).toBe('sometime in 2019');
    expect(formatArticleDate(null)).toBe('');
  });

  it('reads dates as people write them and says what it stored', () => {
    expect(parseWrittenDate('Dec 10, 2025')).toBe('2025-12-10');
    expect(parseWrittenDate('10 December 2025')).toBe('2025-12-10');
    expect(parseWrittenDate('December 10, 2025 at 9:30 am')).toBe('2025-12-10T09:30:00');
    expect(parseWrittenDate('Dec 10, 2025 14:30 UTC')).toBe('2025-12-10T14:30:00.000Z');
    expect(parseWrittenDate('2025-03-14')).toBe('2025-03-14');
    expect(parseWrittenDate('2025-03-14T09:30:00Z')).toBe('2025-03-14T09:30:00Z');
    expect(parseWrittenDate('2019-02-30')).toBeUndefined();
    expect(parseWrittenDate('last week')).toBeUndefined();
    expect(parseWrittenDate('December')).toBeUndefined();
    expect(parseWrittenDate('the harbour report')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../electron/core/clip/dates';
import { wallClockOffset, zoneOffsetAt } from '../../../electron/core/clip/timeZones';

describe('US generic zones follow the tz database, not one hand-written daylight rule', () => {
  it('reads a March date before 2007 in standard time (daylight then began in April)', () => {
    expect(normalizeDate('March 20, 2005 5:45 pm ET')).toBe('2005-03-20T22:45:00.000Z');
    expect(normalizeDate('April 1, 2006 3:30 AM ET')).toBe('2006-04-01T08:30:00.000Z'); // the day before the switch
    expect(normalizeDate('April 2, 2006 1:30 AM ET')).toBe('2006-04-02T06:30:00.000Z'); // that day, before 2 a.m.
    expect(normalizeDate('April 2, 2006 3:30 AM ET')).toBe('2006-04-02T07:30:00.000Z'); // just after it
  });

  it('ends pre-2007 daylight time on the last Sunday of October, not in November', () => {
    expect(normalizeDate('October 30, 2005 3:00 PM PT')).toBe('2005-10-30T23:00:00.000Z'); // PST again
    expect(normalizeDate('October 29, 2005 3:00 PM PT')).toBe('2005-10-29T22:00:00.000Z'); // still PDT
    expect(normalizeDate('November 3, 2005 9:00 AM CT')).toBe('2005-11-03T15:00:00.000Z'); // CST
  });

  it('uses the post-2007 rule from 2007 on, on both sides of each change', () => {
    expect(normalizeDate('March 20, 2015 5:45 pm ET')).toBe('2015-03-20T21:45:00.000Z');
    expect(normalizeDate('March 8, 2015 1:59 AM ET')).toBe('2015-03-08T06:59:00.000Z');
    expect(normalizeDate('March 8, 2015 3:00 AM ET')).toBe('2015-03-08T07:00:00.000Z');
    expect(normalizeDate('November 1, 2015 3:00 AM MT')).toBe('2015-11-01T10:00:00.000Z'); // MST
    expect(normalizeDate('October 31, 2015 3:00 AM MT')).toBe('2015-10-31T09:00:00.000Z'); // MDT
  });

  it('reads the hour repeated when clocks go back as daylight time, and the hour after as standard', () => {
    expect(normalizeDate('November 4, 2012 1:30 AM ET')).toBe('2012-11-04T05:30:00.000Z');
    expect(normalizeDate('November 4, 2012 2:30 AM ET')).toBe('2012-11-04T07:30:00.000Z');
  });

  it('keeps fixed abbreviations fixed: EST in July is still UTC-5', () => {
    expect(normalizeDate('July 4, 2019 5:45 PM EST')).toBe('2019-07-04T22:45:00.000Z');
    expect(normalizeDate('July 4, 2005 5:45 PM CEST')).toBe('2005-07-04T15:45:00.000Z');
  });
});

describe('zone offsets through Intl', () => {
  it('gives the historical offset of a European zone on both sides of its changes', () => {
    expect(zoneOffsetAt('Europe/Berlin', Date.UTC(2005, 2, 27, 0, 59))).toBe(60);
    expect(zoneOffsetAt('Europe/Berlin', Date.UTC(2005, 2, 27, 1, 0))).toBe(120);
    expect(zoneOffsetAt('Europe/London', Date.UTC(1998, 9, 25, 0, 59))).toBe(60);
    expect(zoneOffsetAt('Europe/London', Date.UTC(1998, 9, 25, 1, 0))).toBe(0);
  });

  it('reads a wall-clock time in a zone with the offset its clocks showed', () => {
    expect(wallClockOffset('Europe/Paris', Date.UTC(2005, 2, 26, 12))).toBe(60);
    expect(wallClockOffset('Europe/Paris', Date.UTC(2005, 2, 27, 12))).toBe(120);
    expect(wallClockOffset('America/New_York', Date.UTC(2005, 2, 20, 17, 45))).toBe(-300);
    expect(wallClockOffset('America/New_York', Date.UTC(2015, 2, 20, 17, 45))).toBe(-240);
  });
});

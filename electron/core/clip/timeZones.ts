/**
 * Wall-clock times in a named region's zone → UTC, through Intl and the zone data Node ships,
 * so daylight-time history (the US rule before 2007, EU changes) comes from the tz database
 * instead of a hand-written rule.
 */

/**
 * Generic zone names newsrooms print after a time ("5:45 p.m. ET"): they mean whatever the region's
 * clock said that day, standard or daylight. Fixed abbreviations (EST, CEST, BST…) name an offset
 * and stay in dates.ts's table.
 */
export const GENERIC_ZONES: Readonly<Record<string, string>> = {
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
  AKT: 'America/Anchorage',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Minutes east of UTC in `timeZone` at the instant `utcMs`. */
export function zoneOffsetAt(timeZone: string, utcMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * Minutes east of UTC that the wall-clock time `wallMs` (its fields read as if UTC) had in `timeZone`.
 * In the hour repeated when clocks go back, the first (daylight) reading wins; a time skipped when
 * clocks go forward is read with the daylight offset, as printed pages that write it mean daylight time.
 */
export function wallClockOffset(timeZone: string, wallMs: number): number {
  const before = zoneOffsetAt(timeZone, wallMs - zoneOffsetAt(timeZone, wallMs) * 60_000);
  const after = zoneOffsetAt(timeZone, wallMs - before * 60_000);
  return Math.max(before, after);
}

/**
 * Publication dates as pages write them → ISO, independent of the machine's
 * time zone. A date with a time and a known zone becomes an instant (UTC, Z);
 * a date alone stays a calendar day (YYYY-MM-DD); a time with no zone and no
 * hint stays the publisher's wall-clock time (YYYY-MM-DDTHH:MM:SS, no offset)
 * rather than being silently read in whatever zone this machine is in.
 */
import { GENERIC_ZONES, wallClockOffset } from './timeZones';

/** Fixed-offset zone names newsrooms print after a time (minutes east of UTC). */
const NAMED_ZONES: Record<string, number> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  ACST: 570,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};
export interface ZoneHint {
  /** Minutes east of UTC for wall-clock times the page gives without a zone. */
  offsetMinutes: number;
}

/** Languages spoken in one time zone without daylight time: their pages' bare times are in that zone. */
export function zoneHintForLanguage(lang: string | null | undefined): ZoneHint | null {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  if (primary === 'ja' || primary === 'ko') return { offsetMinutes: 540 };
  if (primary === 'zh') return { offsetMinutes: 480 };
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Parts {
  y: number;
  m: number;
  d: number;
  time: { h: number; mi: number; s: number } | null;
  /** Minutes east of UTC, when the text names a zone or offset. */
  offset: number | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1990 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Takes a trailing offset or zone name off the text. */
function splitZone(text: string): { rest: string; offset: number | null; generic: string | null } {
  const numeric = /\s*(?:(?:GMT|UTC)\s*)?([+-])(\d{2}):?(\d{2})$|\s*(?:GMT|UTC)\s*([+-])(\d{1,2})$/i.exec(text);
  if (
    numeric &&
    /\d[:.]?\d{2}(:\d{2}(\.\d+)?)?\s*(?:GMT|UTC)?\s*[+-]/i.test(text.slice(0, numeric.index + numeric[0].length))
  ) {
    const sign = (numeric[1] ?? numeric[4]) === '-' ? -1 : 1;
    const minutes = numeric[2] !== undefined ? Number(numeric[2]) * 60 + Number(numeric[3]) : Number(numeric[5]) * 60;
    return { rest: text.slice(0, numeric.index).trim(), offset: sign * minutes, generic: null };
  }
  if (/\dZ$/i.test(text)) return { rest: text.slice(0, -1), offset: 0, generic: null };
  const named = /[\s(]+\(?([A-Z]{1,5})\)?$/.exec(text);
  if (named) {
    const zone = named[1]!;
    if (zone in NAMED_ZONES)
      return { rest: text.slice(0, named.index).trim(), offset: NAMED_ZONES[zone]!, generic: null };
    if (zone in GENERIC_ZONES) return { rest: text.slice(0, named.index).trim(), offset: null, generic: zone };
  }
  return { rest: text, offset: null, generic: null };
}

function clock(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
): Parts['time'] {
  if (hour === undefined) return null;
  let h = Number(hour);
  const mi = Number(minute ?? 0);
  const s = Number(second ?? 0);
  const ampm = meridiem?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || mi > 59 || s > 60) return null;
  return { h, mi, s };
}

const TIME = String.raw`(?:[T\s,]+(?:at\s+)?(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([ap]\.?\s?m\.?)?)?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\.?${TIME}$`, 'i');
const CJK = new RegExp(
  String.raw`^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:\s*[(（][^)）]{1,4}[)）])?` +
    String.raw`(?:\s*(?:(午前|午後)\s*)?(\d{1,2})\s*[時:시]\s*(\d{1,2})\s*[分분]?(?::(\d{2}))?)?$`,
);
const MONTH_NAME =
  String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|` +
  String.raw`sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(
  String.raw`^${WEEKDAY}${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  'i',
);
const DAY_FIRST = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\.?\s+${MONTH_NAME},?\s+(\d{4})${TIME}$`,
  'i',
);
/** "6:47 PM, December 22, 2016": some pages put the time first. */
const TIME_FIRST = new RegExp(
  String.raw`^(\d{1,2}):(\d{2})\s*([ap]\.?\s?m\.?)?,?\s+` +
    String.raw`${WEEKDAY}${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`,
  'i',
);

const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function parseParts(raw: string): Parts | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  const { rest, offset, generic } = splitZone(text);
  let parts: Omit<Parts, 'offset'> | null = null;
  let match: RegExpExecArray | null;
  if ((match = ISO_LIKE.exec(rest)) || (match = SLASHED.exec(rest))) {
    parts = {
      y: Number(match[1]),
      m: Number(match[2]),
      d: Number(match[3]),
      time: clock(match[4], match[5], match[6], match[7]),
    };
  } else if ((match = CJK.exec(rest))) {
    const meridiem = match[4] === '午後' ? 'pm' : match[4] === '午前' ? 'am' : undefined;
    parts = {
      y: Number(match[1]),
      m: Number(match[2]),
      d: Number(match[3]),
      time: clock(match[5], match[6], match[7], meridiem),
    };
  } else if ((match = MONTH_FIRST.exec(rest))) {
    parts = {
      y: Number(match[3]),
      m: monthNumber(match[1]!),
      d: Number(match[2]),
      time: clock(match[4], match[5], match[6], match[7]),
    };
  } else if ((match = DAY_FIRST.exec(rest))) {
    parts = {
      y: Number(match[3]),
      m: monthNumber(match[2]!),
      d: Number(match[1]),
      time: clock(match[4], match[5], match[6], match[7]),
    };
  } else if ((match = TIME_FIRST.exec(rest))) {
    parts = {
      y: Number(match[6]),
      m: monthNumber(match[4]!),
      d: Number(match[5]),
      time: clock(match[1], match[2], undefined, match[3]),
    };
  }
  if (!parts || !validDay(parts.y, parts.m, parts.d)) return null;
  let zone = offset;
  if (zone === null && generic && parts.time) {
    const { h, mi, s } = parts.time;
    zone = wallClockOffset(GENERIC_ZONES[generic]!, Date.UTC(parts.y, parts.m - 1, parts.d, h, mi, s));
  }
  return { ...parts, offset: zone };
}

/** A date in the page → ISO; null when it is not a date this parser is sure of. */
export function normalizeDate(raw: string | null | undefined, hint: ZoneHint | null = null): string | null {
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (/^\d{10}(\d{3})?$/.test(text)) {
    const date = new Date(text.length === 13 ? Number(text) : Number(text) * 1000);
    const year = date.getUTCFullYear();
    return year >= 1990 && year <= 2100 ? date.toISOString() : null;
  }
  // 20161209
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact)
    return validDay(Number(compact[1]), Number(compact[2]), Number(compact[3]))
      ? `${compact[1]}-${compact[2]}-${compact[3]}`
      : null;
  const parts = parseParts(text.replace(/^(published|updated|posted|modified|date)\s*(on|at)?[:\s]+/i, ''));
  if (!parts) {
    // Other formats only when they name their zone, so the result does not depend on this machine's.
    if (!/(\dZ|[+-]\d{2}:?\d{2}|\b(GMT|UTC))\b/i.test(text)) return null;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return null;
    const year = new Date(ms).getUTCFullYear();
    return year >= 1990 && year <= 2100 ? new Date(ms).toISOString() : null;
  }
  const day = `${parts.y}-${pad(parts.m)}-${pad(parts.d)}`;
  if (!parts.time) return day;
  const offset = parts.offset ?? hint?.offsetMinutes ?? null;
  if (offset === null) return `${day}T${pad(parts.time.h)}:${pad(parts.time.mi)}:${pad(parts.time.s)}`;
  return new Date(
    Date.UTC(parts.y, parts.m - 1, parts.d, parts.time.h, parts.time.mi, parts.time.s) - offset * 60_000,
  ).toISOString();
}

/** Date-like runs inside a short text ("By KJ : 2019年04月04日 09:00", "Posted on March 3, 2019 at 9:15 am"). */
const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?(?:\s*[(（][^)）]{1,4}[)）])?` +
      String.raw`(?:\s*(?:午前|午後)?\s*\d{1,2}\s*[時:시]\s*\d{1,2}\s*[分분]?)?`,
    String.raw`\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?:[T\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?`,
    String.raw`${WEEKDAY}${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
      String.raw`(?:[\s,]+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?`,
    String.raw`\d{1,2}(?:st|nd|rd|th)?\.?\s+${MONTH_NAME},?\s+\d{4}(?:[\s,]+\d{1,2}:\d{2}(?:\s+[A-Z]{2,4}\b)?)?`,
  ].join('|'),
  'i',
);

export function findDateInText(text: string, hint: ZoneHint | null = null): string | null {
  const match = DATE_IN_TEXT.exec(text);
  return match ? normalizeDate(match[0], hint) : null;
}

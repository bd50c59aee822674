import * as chrono from 'chrono-node';

/**
 * THE way Dossier shows and reads an article's dates (published, updated,
 * clipped), so the list, the details pane and the reader never disagree.
 *
 * Stored dates come in three forms and each keeps its meaning:
 * - a calendar day ("2019-11-19"): shown as that day everywhere, never shifted by the viewer's time zone;
 * - a wall-clock time without a zone ("2016-12-22T18:47:00", the publisher's clock): shown as written;
 * - an instant ("2019-11-20T09:29:08.000Z", "+09:00"): shown in the journalist's own zone and locale.
 * Anything else is shown as stored (the user typed it, or an old row): never hidden, never invented.
 */
export interface DateDisplayOptions {
  /** BCP 47 locale; the environment's default when absent (the journalist's locale in the app). */
  locale?: string;
  /** IANA zone for instants; the environment's when absent. Tests pin it. */
  timeZone?: string;
  /** Adds the time of day when the stored value has one. */
  withTime?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function formatArticleDate(value: string | null | undefined, options: DateDisplayOptions = {}): string {
  if (!value) return '';
  const text = value.trim();
  const dayOnly = DAY.test(text);
  const wallClock = WALL_CLOCK.test(text);
  if (!dayOnly && !wallClock && !INSTANT.test(text)) return text;
  const date = new Date(dayOnly ? `${text}T12:00:00Z` : wallClock ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return text;
  const zone = dayOnly || wallClock ? 'UTC' : options.timeZone;
  const format = new Intl.DateTimeFormat(options.locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(options.withTime && !dayOnly ? { hour: '2-digit', minute: '2-digit' } : {}),
    ...(zone ? { timeZone: zone } : {}),
  });
  return format.format(date);
}

/** The stored forms this module shows (see formatArticleDate). */
export function isStoredDateForm(value: string): boolean {
  const text = value.trim();
  if (!(DAY.test(text) || WALL_CLOCK.test(text) || INSTANT.test(text))) return false;
  const date = new Date(DAY.test(text) ? `${text}T12:00:00Z` : WALL_CLOCK.test(text) ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T'));
  // "2019-02-30" parses in some engines as March 2: the day must survive the round trip.
  return !Number.isNaN(date.getTime()) && (!DAY.test(text) || date.toISOString().slice(0, 10) === text);
}

/**
 * A date as people write it ("Dec 10, 2025", "10 December 2025", "2025/12/10 14:30 UTC") in the stored
 * form: a calendar day when no time is given, an instant (UTC ISO) when a time and zone are, a
 * wall-clock time when only a time is. Already-stored forms pass through. Undefined when it is not a date.
 */
export function parseWrittenDate(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (isStoredDateForm(value)) return value.replace(' ', 'T');
  const [result] = chrono.parse(value, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  // A citation's date names its year: relative phrases ("last week") would be dated by this machine's clock.
  if (!result || !/\d{4}/.test(result.text) || result.text.length < value.replace(/[\s.,]+$/, '').length * 0.6) return undefined;
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day') || year === null || month === null || day === null) return undefined;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const dayText = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!start.isCertain('hour')) return isStoredDateForm(dayText) ? dayText : undefined;
  const wall = `${dayText}T${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}:${pad(start.get('second') ?? 0)}`;
  if (!start.isCertain('timezoneOffset')) return wall;
  return start.date().toISOString();
}

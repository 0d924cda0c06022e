/**
 * "5 minutes ago", "yesterday", "in 7 days" in the widget's locale (Intl.RelativeTimeFormat),
 * in the largest unit that fits. Apart from dates.ts, which every card loads: only the dialog's
 * links and history speak of time this way.
 */
const formats = new Map<string, Intl.RelativeTimeFormat>();

function format(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let result = formats.get(key);
  if (!result) {
    try {
      result = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    } catch {
      result = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    }
    formats.set(key, result);
  }
  return result;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `iso` relative to `now` (ms); under a minute it is "now". */
export function formatRelative(iso: string, now: number, locale?: string): string {
  const delta = Date.parse(iso) - now;
  if (Number.isNaN(delta)) return iso;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return format(locale).format(Math.round(delta / size), unit);
  }
  return format(locale).format(0, 'second');
}

const days = new Map<string, Intl.DateTimeFormat>();

/** A day as a heading ("Tuesday, December 1, 2026"), in the user's time zone. */
export function formatDay(time: number, locale?: string): string {
  const key = locale ?? '';
  let result = days.get(key);
  if (!result) {
    try {
      result = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
    } catch {
      result = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });
    }
    days.set(key, result);
  }
  return result.format(time);
}

/** The local calendar day of a moment, as a key to group by. */
export function dayKey(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * Date formatting shared by the widgets: the user's locale and time zone (Intl), with one
 * formatter per locale and style kept for the page's life, because building an
 * Intl.DateTimeFormat costs far more than formatting with one (hundreds of rows).
 */

const shortOptions: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const fullOptions: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'long' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, style: 'short' | 'full'): Intl.DateTimeFormat {
  const key = `${style}|${locale ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    const options = style === 'short' ? shortOptions : fullOptions;
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A malformed locale from a host's attribute must not break the widget: browser default.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, format);
  }
  return format;
}

/** Milliseconds since the epoch of an ISO-8601 text; NaN when it is not a date. */
export function timeOf(iso: string | null | undefined): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

/** A compact date for a table cell or a summary ("Oct 2, 2026"); the raw text if unreadable. */
export function formatDate(iso: string, locale?: string): string {
  const time = timeOf(iso);
  return Number.isNaN(time) ? iso : formatter(locale, 'short').format(time);
}

/** The full timestamp with time and time zone, for a tooltip or a title. */
export function formatTimestamp(iso: string, locale?: string): string {
  const time = timeOf(iso);
  return Number.isNaN(time) ? iso : formatter(locale, 'full').format(time);
}

const relatives = new Map<string, Intl.RelativeTimeFormat>();
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long until a moment `ms` away, as Intl says it in `locale` ("in 5 days", "dans 5 jours"):
 * whole days from a day on, hours below. `numeric: 'always'`, since "tomorrow" would name a
 * calendar day that 30 hours from now may not be.
 */
export function formatTimeUntil(ms: number, locale?: string): string {
  const key = locale ?? '';
  let format = relatives.get(key);
  if (!format) {
    try {
      format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    } catch {
      format = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });
    }
    relatives.set(key, format);
  }
  return ms >= DAY_MS ? format.format(Math.round(ms / DAY_MS), 'day') : format.format(Math.max(1, Math.round(ms / HOUR_MS)), 'hour');
}

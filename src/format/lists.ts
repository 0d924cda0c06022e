const formatters = new Map<string, Intl.ListFormat>();

/** "3 accounts, 1 needs attention": a short unit list in the locale, one formatter per locale kept. */
export function formatList(items: string[], locale?: string): string {
  const key = locale ?? '';
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    } catch {
      // A malformed locale from a host's attribute must not break the widget: browser default.
      format = new Intl.ListFormat(undefined, { type: 'unit', style: 'short' });
    }
    formatters.set(key, format);
  }
  return format.format(items);
}

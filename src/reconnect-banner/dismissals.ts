/**
 * Which failing connections the user dismissed the banner for, per data source, for the
 * browser session (sessionStorage: it survives reloads in the tab, not the next visit). Kept as
 * IDs rather than a flag, so that a connection failing anew shows the banner again.
 */
const PREFIX = 'dsw-reconnect-banner:dismissed:';

// Used when sessionStorage is unavailable (disabled storage, some sandboxed frames).
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    if (value === undefined) memory.delete(key);
    else memory.set(key, value);
  }
}

export function storageKey(sourceId: string): string {
  return PREFIX + sourceId;
}

export function readDismissed(sourceId: string): Set<string> {
  try {
    const ids: unknown = JSON.parse(read(storageKey(sourceId)) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeDismissed(sourceId: string, ids: ReadonlySet<string>): void {
  write(storageKey(sourceId), ids.size ? JSON.stringify([...ids].sort()) : undefined);
}

/**
 * Expiring accounts the banner was dismissed for, until the end of the local day: an expiry is
 * days away, so tomorrow's reminder is welcome; localStorage, as the day outlives the session.
 */
const EXPIRING_PREFIX = 'dsw-reconnect-banner:expiring-dismissed:';

/** The local calendar day of `now`, e.g. "2026-12-01". */
export function localDay(now: number): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function readExpiringDismissed(sourceId: string, now: number): Set<string> {
  try {
    const saved = JSON.parse(localStorage.getItem(EXPIRING_PREFIX + sourceId) ?? 'null') as { day?: unknown; ids?: unknown } | null;
    if (saved?.day !== localDay(now) || !Array.isArray(saved.ids)) return new Set();
    return new Set(saved.ids.filter((id): id is string => typeof id === 'string'));
  } catch {
    return new Set();
  }
}

export function writeExpiringDismissed(sourceId: string, ids: ReadonlySet<string>, now: number): void {
  try {
    localStorage.setItem(EXPIRING_PREFIX + sourceId, JSON.stringify({ day: localDay(now), ids: [...ids].sort() }));
  } catch {
    // Refused (privacy modes): dismissed for this page only.
  }
}

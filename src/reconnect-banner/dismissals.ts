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

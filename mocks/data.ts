// Sample data for tests and stories: deterministic, so screenshots and assertions are stable.
import type { Connection } from '../src/api/types.js';

const day = 86_400_000;
const base = Date.UTC(2026, 9, 1, 9, 30);

/** The i-th sample connection (newest first: connection(0) is the newest). */
export function connection(i: number, overrides: Partial<Connection> = {}): Connection {
  return {
    id: `conn_${i + 1}`,
    accountName: `Account ${i + 1}`,
    accountId: String(1000000000 + i * 7919),
    status: 'active',
    role: i === 0 ? 'main' : 'secondary',
    createdAt: new Date(base - i * 3 * day).toISOString(),
    updatedAt: new Date(base + day - i * 3600_000).toISOString(),
    ...overrides,
  };
}

/** `count` connections, the first main; `failing` lists the indexes in error. */
export function connections(count: number, failing: number[] = []): Connection[] {
  return Array.from({ length: count }, (_, i) =>
    connection(i, failing.includes(i) ? { status: 'error', error: expiredGrant } : {}),
  );
}

/**
 * The i-th sample connection, its credentials expiring `days` after `now` (negative: expired
 * that long ago, then served as the contract says: status `error`, code `expired`).
 */
export function expiringConnection(i: number, days: number, now = Date.now(), overrides: Partial<Connection> = {}): Connection {
  const expiresAt = new Date(now + days * day).toISOString();
  const expired = days <= 0 ? { status: 'error' as const, error: expiredAuthorization } : {};
  return connection(i, { expiresAt, ...expired, ...overrides });
}

export const expiredAuthorization = {
  code: 'expired',
  message: 'The authorization expired. Re-connect to restore data updates.',
};

export const expiredGrant = {
  code: 'invalid_grant',
  message: 'The credentials were changed or revoked. Re-connect to restore data updates.',
};

export interface MockSource {
  id: string;
  name: string;
  logoUrl?: string;
  expiryWarningDays?: number;
  connections: Connection[];
}

export const googleAds = (list: Connection[]): MockSource => ({
  id: 'google-ads',
  name: 'Google Ads',
  connections: list,
});

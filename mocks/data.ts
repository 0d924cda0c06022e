// Sample data for tests and stories: deterministic, so screenshots and assertions are stable.
import type { Connection, ConnectLink, HistoryEvent } from '../src/api/types.js';

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
  /** Connect links, pending or not (see links.ts). */
  links?: ConnectLink[];
  /** Newest first. */
  history?: HistoryEvent[];
}

export const googleAds = (list: Connection[]): MockSource => ({
  id: 'google-ads',
  name: 'Google Ads',
  connections: list,
});

/** Pending connect links: one for a named teammate with a note, one for anyone, made before `now`. */
export function sampleLinks(now = Date.now()): ConnectLink[] {
  return [
    {
      id: 'lnk_1',
      status: 'pending',
      recipient: 'maria@bluebird.example',
      note: 'For the Q3 report: the Search account, please.',
      createdAt: new Date(now - 2 * 3_600_000).toISOString(),
      expiresAt: new Date(now + 7 * day - 2 * 3_600_000).toISOString(),
    },
    {
      id: 'lnk_2',
      status: 'pending',
      recipient: null,
      note: null,
      createdAt: new Date(now - 3 * day).toISOString(),
      expiresAt: new Date(now + 4 * day).toISOString(),
    },
  ];
}

const EVENT_TYPES = ['refreshed', 'refreshed', 'made_main', 'failed', 'reconnected', 'recovered', 'refreshed'] as const;

/**
 * `count` events over the accounts of `list`, newest first, about eight hours apart and so over
 * several days: each account connected at first, then refreshes, failures and repairs.
 */
export function sampleHistory(list: readonly Connection[], count: number, now = Date.now()): HistoryEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const account = list[i % list.length]!;
    const oldest = i >= count - list.length;
    const type = oldest ? 'connected' : EVENT_TYPES[i % EVENT_TYPES.length]!;
    const viaLink = oldest && i % 2 === 0;
    return {
      id: `evt_${count - i}`,
      type,
      at: new Date(now - (i + 1) * 8 * 3_600_000).toISOString(),
      connectionId: account.id,
      accountName: account.accountName,
      accountId: account.accountId,
      actor: viaLink ? 'maria@bluebird.example' : null,
      viaLink,
      message: type === 'failed' ? expiredGrant.message : null,
    };
  });
}

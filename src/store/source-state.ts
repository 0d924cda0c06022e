import type { DswError } from '../api/errors.js';
import type { Connection, DataSource } from '../api/types.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the store knows of one data source; a new object whenever anything in it changes. */
export interface SourceState {
  readonly sourceId: string;
  /**
   * `ready` once data arrived, and it stays `ready` while it revalidates or when a later
   * revalidation fails (the rows stay; `error` says what failed). `error` only without data.
   */
  readonly status: LoadStatus;
  /** The data source's name and logo; absent until the first load succeeds. */
  readonly source?: Omit<DataSource, 'connections'>;
  /** Main first, then newest first. */
  readonly connections: readonly Connection[];
  /** The last load failure, cleared by the next successful load. */
  readonly error?: DswError;
  /** A load is in flight while data is already shown. */
  readonly revalidating: boolean;
  /** Connections with a write (delete, make main, refresh) in flight. */
  readonly busy: ReadonlySet<string>;
  /** After a failed load: when the store tries again by itself (epoch ms); Retry need not wait. */
  readonly retryAt?: number;
  /** A load has been in flight for a while (see `SLOW_MS`): say so, and offer Retry. */
  readonly slow: boolean;
}

export const idleState = (sourceId: string): SourceState => ({
  sourceId,
  status: 'idle',
  connections: [],
  revalidating: false,
  busy: new Set(),
  slow: false,
});

/** Main first, then the newest credentials first: the order every widget shows. */
export function sortConnections(connections: readonly Connection[]): Connection[] {
  return [...connections].sort(
    (a, b) =>
      Number(b.role === 'main') - Number(a.role === 'main') ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

export const mainConnection = (state: SourceState): Connection | undefined =>
  state.connections.find((connection) => connection.role === 'main');

export const failingConnections = (state: SourceState): Connection[] =>
  state.connections.filter((connection) => connection.status === 'error');

/** The warning window when neither the host nor the data source sets one (days). */
export const DEFAULT_EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Whether a connection is Expiring at `now`: it still works (active) and its credentials expire
 * within `windowDays`. One that has expired is the endpoint's to report, as an error (`expired`).
 */
export function isExpiring(connection: Connection, now: number, windowDays: number): boolean {
  if (connection.status !== 'active' || !connection.expiresAt) return false;
  const left = Date.parse(connection.expiresAt) - now;
  return left > 0 && left <= windowDays * DAY_MS;
}

/** The connections to re-connect soon, in the store's order: every widget counts the same ones. */
export const expiringConnections = (state: SourceState, now: number, windowDays: number): Connection[] =>
  state.connections.filter((connection) => isExpiring(connection, now, windowDays));

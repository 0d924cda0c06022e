import { randomBytes } from 'node:crypto';
import type { Connection, DataSource, DataSourceSummary } from '../../src/api/types.js';
import { recordHistory, type HistoryEntry } from './history.js';
import { HttpError } from './http.js';
import type { Param, Sql } from './storage/sql.js';

interface SourceRow {
  id: string;
  name: string;
  logo_url: string | null;
}

interface ConnectionRow {
  id: string;
  user_id: string;
  source_id: string;
  account_id: string;
  account_name: string;
  status: 'active' | 'error';
  error_code: string | null;
  error_message: string | null;
  is_main: 0 | 1;
  created_at: string;
  updated_at: string | null;
  authorized_at: string;
  expires_at: string | null;
}

/** How long the credentials of a completed authorization last: a re-connect renews them. */
export const GRANT_DAYS = 60;
const DAY = 24 * 60 * 60 * 1000;

export const EXPIRED_AUTHORIZATION = {
  code: 'expired',
  message: 'The authorization expired. Re-connect to restore data updates.',
};

/** Main first, then the newest credentials: the same order that decides who is promoted. */
const ORDER = 'ORDER BY c.is_main DESC, c.authorized_at DESC, c.created_at DESC, c.id DESC';

/** A connection row joined to its source; the connection's columns are null for a source with none. */
type ListedRow = Pick<ConnectionRow, 'id' | 'account_id' | 'account_name' | 'status' | 'error_code' | 'error_message' | 'is_main' | 'created_at' | 'updated_at' | 'expires_at'>;
export type JoinedRow = { source: string; source_name: string; source_logo: string | null } & ({ [K in keyof ListedRow]: ListedRow[K] } | { [K in keyof ListedRow]: null });

/** The columns a `Connection` is made of, and no more: every column read is work per row. */
const COLUMNS = 'c.id, c.account_id, c.account_name, c.status, c.error_code, c.error_message, c.is_main, c.created_at, c.updated_at, c.expires_at';
const JOINED = `SELECT s.id AS source, s.name AS source_name, s.logo_url AS source_logo, ${COLUMNS}
  FROM data_sources s LEFT JOIN connections c ON c.source_id = s.id AND c.user_id = ?`;
/** One statement per count of sources (at most MAX_BATCH_IDS of them), each made and prepared once. */
const batchTexts: string[] = [];
const batchText = (count: number): string =>
  (batchTexts[count] ??= `${JOINED} WHERE s.id IN (${Array(count).fill('?').join(', ')}) ORDER BY s.id, ${ORDER.slice('ORDER BY '.length)}`);
const SUMMARIES = `
  SELECT s.id, s.name, s.logo_url,
         CAST(count(c.id) AS INTEGER) AS connection_count,
         CAST(coalesce(sum(CASE WHEN c.status = 'error' OR c.expires_at <= ? THEN 1 ELSE 0 END), 0) AS INTEGER) AS error_count
  FROM data_sources s LEFT JOIN connections c ON c.source_id = s.id AND c.user_id = ?
  GROUP BY s.id, s.name, s.logo_url, s.position ORDER BY s.position, s.id`;
const ROW = 'SELECT * FROM connections WHERE user_id = ? AND source_id = ? AND id = ?';

/**
 * Expiry is read, not written: a connection past its `expires_at` is served in error (code
 * `expired`) from that moment, with no job to flip it, and a re-connect's new date undoes it.
 */
const isExpired = (row: Pick<ConnectionRow, 'expires_at'>, now: string): boolean => row.expires_at !== null && row.expires_at <= now;

function toConnection(row: ListedRow, now: string): Connection {
  const expired = row.status === 'active' && isExpired(row, now);
  const error = expired
    ? EXPIRED_AUTHORIZATION
    : row.status === 'error'
      ? {
          code: row.error_code ?? 'unknown_error',
          message: row.error_message ?? 'The last data update failed. Re-connect to restore data updates.',
        }
      : undefined;
  return {
    id: row.id,
    accountName: row.account_name,
    accountId: row.account_id,
    status: error ? 'error' : 'active',
    ...(error && { error: { ...error } }),
    role: row.is_main ? 'main' : 'secondary',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expires_at && { expiresAt: row.expires_at }),
  };
}

export function sourceNotFound(sourceId: string): HttpError {
  return new HttpError(404, 'data_source_not_found', `There is no data source "${sourceId}".`);
}

export function connectionNotFound(sourceId: string, connectionId: string): HttpError {
  return new HttpError(404, 'connection_not_found', `Data source "${sourceId}" has no connection "${connectionId}".`);
}

const noop = () => {};

/** Who made a change, for the history: the signed-in user's name, or a teammate through a connect link. */
export interface Actor {
  actor?: string | null;
  viaLink?: boolean;
  /** The link, when through one: the history ties the account to it (who connected it). */
  linkId?: string;
}

export function newConnectionId(): string {
  return `con_${randomBytes(9).toString('base64url')}`;
}

/**
 * The data sources and their connections, with the rules of DESIGN section 1 applied here.
 * Every method takes the user: a connection of someone else is, to the caller, one that does not
 * exist (the same 404, so a guessed ID learns nothing).
 */
export class ConnectionStore {
  /** Rows read, by query, with the user's change version they were read at (see `Sql.changeVersion`). */
  private readonly kept = new Map<string, { version: number; rows: unknown[] }>();

  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  private readonly versionReads = new Map<string, { running: Promise<number>; queued?: Promise<number> }>();

  /**
   * The user's change version, read after this call began (so a write this user just saw
   * acknowledged is counted), with one query for all the requests that wait at the same time:
   * a read already running may have started too early, so callers share the next one instead.
   */
  private freshVersion(userId: string): Promise<number> {
    const slot = this.versionReads.get(userId);
    if (!slot) return this.readVersion(userId);
    slot.queued ??= slot.running.then(noop, noop).then(() => this.readVersion(userId));
    return slot.queued;
  }

  private readVersion(userId: string): Promise<number> {
    const running = this.sql.changeVersion!(userId);
    const slot: { running: Promise<number>; queued?: Promise<number> } = { running };
    this.versionReads.set(userId, slot);
    running.then(noop, noop).then(() => {
      if (this.versionReads.get(userId) === slot && !slot.queued) this.versionReads.delete(userId);
    });
    return running;
  }

  /**
   * The rows of a read of one user's connections (or connect links): from memory while the
   * user's change version says nothing changed, else from the database. The version is read first, so rows kept under
   * it are never older than it.
   */
  async rowsOf<T>(userId: string, text: string, params: Param[]): Promise<T[]> {
    if (!this.sql.changeVersion) return this.sql.all<T>(text, params);
    const version = await this.freshVersion(userId);
    const key = `${text}\u0000${JSON.stringify(params)}`;
    const hit = this.kept.get(key);
    if (hit && hit.version === version) return hit.rows as T[];
    const rows = await this.sql.all<T>(text, params);
    if (this.kept.size >= 2000) this.kept.clear();
    this.kept.set(key, { version, rows });
    return rows;
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Records a change to `row` in its user's history, with `tx`: the transaction that makes the change. */
  private record(tx: Sql, row: ConnectionRow, type: HistoryEntry['type'], extra: Partial<HistoryEntry> = {}): Promise<void> {
    const account = { connectionId: row.id, accountName: row.account_name, accountId: row.account_id };
    return recordHistory(tx, row.user_id, { sourceId: row.source_id, type, at: this.iso(), ...account, ...extra });
  }

  async listSources(userId: string): Promise<DataSourceSummary[]> {
    const rows = await this.sql.all<SourceRow & { connection_count: number; error_count: number }>(SUMMARIES, [this.iso(), userId]);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      ...(row.logo_url && { logoUrl: fromEndpoint(row.logo_url) }),
      connectionCount: row.connection_count,
      errorCount: row.error_count,
    }));
  }

  /**
   * The rows of `ids`' sources, each with its connections (main first), in one query: the known
   * ones only (the widgets load an unknown or malformed ID alone and get its 404). The same array
   * while the user's rows are unchanged (see `rowsOf`), which is what lets a read's answer be kept.
   */
  sourceRows(userId: string, ids: readonly string[]): Promise<JoinedRow[]> {
    return this.rowsOf<JoinedRow>(userId, batchText(ids.length), [userId, ...ids]);
  }

  /** Throws 404 for an unknown source, so every route under it answers alike. */
  async requireSource(sourceId: string, sql: Sql = this.sql): Promise<SourceRow> {
    const row = await sql.get<SourceRow>('SELECT id, name, logo_url FROM data_sources WHERE id = ?', [sourceId]);
    if (!row) throw sourceNotFound(sourceId);
    return row;
  }

  /** A source's connections, main first, in one query; 404 for an unknown source. */
  async listConnections(userId: string, sourceId: string): Promise<Connection[]> {
    const [source] = sourcesOf(await this.sourceRows(userId, [sourceId]), [sourceId], this.iso());
    if (!source) throw sourceNotFound(sourceId);
    return source.connections;
  }

  private async requireRow(sql: Sql, userId: string, sourceId: string, connectionId: string): Promise<ConnectionRow> {
    const row = await sql.get<ConnectionRow>(ROW, [userId, sourceId, connectionId]);
    if (row) return row;
    await this.requireSource(sourceId, sql);
    throw connectionNotFound(sourceId, connectionId);
  }

  private async connection(sql: Sql, userId: string, sourceId: string, connectionId: string): Promise<Connection> {
    return toConnection(await this.requireRow(sql, userId, sourceId, connectionId), this.iso());
  }

  async getConnection(userId: string, sourceId: string, connectionId: string): Promise<Connection> {
    return this.connection(this.sql, userId, sourceId, connectionId);
  }

  /** The account behind a connection, or undefined when it is gone (deleted meanwhile). */
  async findAccount(userId: string, sourceId: string, connectionId: string): Promise<{ accountId: string; accountName: string } | undefined> {
    const row = await this.sql.get<ConnectionRow>(ROW, [userId, sourceId, connectionId]);
    return row && { accountId: row.account_id, accountName: row.account_name };
  }

  async accountIds(userId: string, sourceId: string): Promise<Set<string>> {
    const rows = await this.sql.all<{ account_id: string }>('SELECT account_id FROM connections WHERE user_id = ? AND source_id = ?', [userId, sourceId]);
    return new Set(rows.map((row) => row.account_id));
  }

  /** A write to one user's source: in a transaction that holds that source's lock. */
  private write<T>(userId: string, sourceId: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.sql.transaction(async (tx) => {
      await tx.lock(`connections/${userId}/${sourceId}`);
      return fn(tx);
    });
  }

  private async setMain(tx: Sql, userId: string, sourceId: string, connectionId: string): Promise<void> {
    // Clear first: the partial unique index refuses two mains even for an instant.
    await tx.run('UPDATE connections SET is_main = 0 WHERE user_id = ? AND source_id = ? AND is_main = 1 AND id <> ?', [userId, sourceId, connectionId]);
    await tx.run('UPDATE connections SET is_main = 1 WHERE id = ? AND is_main = 0', [connectionId]);
  }

  makeMain(userId: string, sourceId: string, connectionId: string, by: Actor = {}): Promise<Connection> {
    return this.write(userId, sourceId, async (tx) => {
      const row = await this.requireRow(tx, userId, sourceId, connectionId);
      await this.setMain(tx, userId, sourceId, connectionId);
      if (!row.is_main) await this.record(tx, row, 'made_main', by);
      return this.connection(tx, userId, sourceId, connectionId);
    });
  }

  /** A data update: only possible with working credentials. */
  refresh(userId: string, sourceId: string, connectionId: string, by: Actor = {}): Promise<Connection> {
    return this.write(userId, sourceId, async (tx) => {
      const connection = await this.connection(tx, userId, sourceId, connectionId);
      if (connection.error) {
        throw new HttpError(
          409,
          'connection_in_error',
          `The connection "${connection.accountName}" is in error (${connection.error.code}); re-connect it before refreshing.`,
        );
      }
      await tx.run('UPDATE connections SET updated_at = ? WHERE id = ?', [this.iso(), connectionId]);
      await this.record(tx, await this.requireRow(tx, userId, sourceId, connectionId), 'refreshed', by);
      return this.connection(tx, userId, sourceId, connectionId);
    });
  }

  /**
   * Deleting the main promotes the newest remaining credentials, so a main always exists.
   * `before` runs in the same transaction, the row found, before it goes (with its tokens).
   */
  delete(userId: string, sourceId: string, connectionId: string, by: Actor = {}, before?: (tx: Sql) => Promise<void>): Promise<void> {
    return this.write(userId, sourceId, async (tx) => {
      const row = await this.requireRow(tx, userId, sourceId, connectionId);
      await before?.(tx);
      await tx.run('DELETE FROM connections WHERE id = ?', [connectionId]);
      await this.record(tx, row, 'deleted', by);
      if (!row.is_main) return;
      const next = await tx.get<ConnectionRow>(`SELECT c.* FROM connections c WHERE c.user_id = ? AND c.source_id = ? ${ORDER} LIMIT 1`, [userId, sourceId]);
      if (next) {
        await this.setMain(tx, userId, sourceId, next.id);
        // The promotion follows from the deletion: no one chose it, so no actor.
        await this.record(tx, next, 'made_main');
      }
    });
  }

  /**
   * Fresh credentials for an account: the existing row of that account is updated in place
   * (error cleared, same id, expiry renewed), else a row is added; either way it becomes main.
   * One upsert, so two instances authorizing the same account at once leave one row.
   * `expiresAt`: the platform's own end of the grant when it says one (its refresh token's
   * expiry). `within` runs in the same transaction with the connection's ID (the tokens for it,
   * a connect link used up); `by` says who, for the history.
   */
  authorize(
    userId: string,
    sourceId: string,
    accountId: string,
    accountName: string,
    expiresAt?: string,
    within?: (tx: Sql, connectionId: string) => Promise<void>,
    by: Actor = {},
  ): Promise<string> {
    return this.write(userId, sourceId, async (tx) => {
      await this.requireSource(sourceId, tx);
      const now = this.iso();
      // Read under the source's lock: whether this connects an account or renews one, for the history.
      const existing = await tx.get<ConnectionRow>('SELECT * FROM connections WHERE user_id = ? AND source_id = ? AND account_id = ?', [userId, sourceId, accountId]);
      const expires = expiresAt ?? new Date(this.now() + GRANT_DAYS * DAY).toISOString();
      // No data update has run yet for a new account, hence no updated_at.
      const { id } = (await tx.get<{ id: string }>(
        `INSERT INTO connections (id, user_id, source_id, account_id, account_name, status, is_main, created_at, updated_at, authorized_at, expires_at)
         VALUES (?, ?, ?, ?, ?, 'active', 0, ?, NULL, ?, ?)
         ON CONFLICT (user_id, source_id, account_id) DO UPDATE SET account_name = excluded.account_name, status = 'active',
           error_code = NULL, error_message = NULL, authorized_at = excluded.authorized_at, expires_at = excluded.expires_at
         RETURNING id`,
        [newConnectionId(), userId, sourceId, accountId, accountName, now, now, expires],
      ))!;
      await this.setMain(tx, userId, sourceId, id);
      const row = (await this.requireRow(tx, userId, sourceId, id))!;
      await this.record(tx, row, existing ? 'reconnected' : 'connected', by);
      // Fresh credentials mend a failing account: that is worth its own line in the history.
      if (existing && (existing.status === 'error' || isExpired(existing, now))) await this.record(tx, row, 'recovered', by);
      await within?.(tx, id);
      return id;
    });
  }

  /** Demo control: what a provider's revocation looks like to the platform. */
  fail(userId: string, sourceId: string, connectionId: string, code: string, message: string): Promise<Connection> {
    return this.write(userId, sourceId, async (tx) => {
      const row = await this.requireRow(tx, userId, sourceId, connectionId);
      await tx.run(`UPDATE connections SET status = 'error', error_code = ?, error_message = ? WHERE id = ?`, [code, message, connectionId]);
      await this.record(tx, row, 'failed', { message });
      return this.connection(tx, userId, sourceId, connectionId);
    });
  }
}

/**
 * A logo's URL as the contract gives it: relative to the endpoint (`logos/x.svg`, served under
 * it), so that it still points here when a host's proxy mounts the endpoint elsewhere.
 */
function fromEndpoint(url: string): string {
  return url.replace(/^\/logos\//, 'logos/');
}

/** A source of the batched load: its summary and its connections. */
export type LoadedSource = DataSourceSummary & { connections: Connection[] };

/** `sourceRows` as the contract serves them at `now` (an ISO time): the known ones of `ids`, in that order. */
export function sourcesOf(rows: readonly JoinedRow[], ids: readonly string[], now: string): LoadedSource[] {
  const found = new Map<string, LoadedSource>();
  for (const row of rows) {
    let source = found.get(row.source);
    if (!source) {
      source = { id: row.source, name: row.source_name, ...(row.source_logo && { logoUrl: fromEndpoint(row.source_logo) }), connectionCount: 0, errorCount: 0, connections: [] };
      found.set(row.source, source);
    }
    if (row.id === null) continue;
    const connection = toConnection(row, now);
    source.connections.push(connection);
    source.connectionCount++;
    if (connection.status === 'error') source.errorCount++;
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** One source's answer (`GET …/data-sources/{id}`): no counts, its connections say them. */
export function oneSource({ id, name, logoUrl, connections }: LoadedSource): DataSource {
  return { id, name, ...(logoUrl && { logoUrl }), connections };
}

/** When the first connection of `rows` still working at `now` (ms) expires: what changes their answer next. */
export function nextExpiry(rows: readonly JoinedRow[], now: number): number {
  let next = Infinity;
  for (const row of rows) {
    const at = row.status === 'active' && row.expires_at ? Date.parse(row.expires_at) : Infinity;
    if (at > now && at < next) next = at;
  }
  return next;
}

import { randomBytes } from 'node:crypto';
import type { Connection, DataSource, DataSourceSummary } from '../../src/api/types.js';
import type { Db } from './db.js';
import { recordHistory, type HistoryEntry } from './history.js';
import { HttpError } from './http.js';

interface SourceRow {
  id: string;
  name: string;
  logo_url: string | null;
}

interface ConnectionRow {
  id: string;
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
const ORDER = 'ORDER BY is_main DESC, authorized_at DESC, created_at DESC, id DESC';

/**
 * Expiry is read, not written: a connection past its `expires_at` is served in error (code
 * `expired`) from that moment, with no job to flip it, and a re-connect's new date undoes it.
 */
const isExpired = (row: ConnectionRow, now: string): boolean => row.expires_at !== null && row.expires_at <= now;

function toConnection(row: ConnectionRow, now: string): Connection {
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

export function newConnectionId(): string {
  return `con_${randomBytes(9).toString('base64url')}`;
}

/** The data sources and their connections, with the rules of DESIGN section 1 applied here. */
export class ConnectionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Records a change to `row` in the history; called inside the transaction that makes it. */
  private record(row: ConnectionRow, type: HistoryEntry['type'], extra: Partial<HistoryEntry> = {}): void {
    const account = { connectionId: row.id, accountName: row.account_name, accountId: row.account_id };
    recordHistory(this.db, { sourceId: row.source_id, type, at: this.iso(), ...account, ...extra });
  }

  listSources(): DataSourceSummary[] {
    const rows = this.db
      .prepare(`
        SELECT s.id, s.name, s.logo_url,
               count(c.id) AS connection_count,
               coalesce(sum(c.status = 'error' OR coalesce(c.expires_at <= ?, 0)), 0) AS error_count
        FROM data_sources s LEFT JOIN connections c ON c.source_id = s.id
        GROUP BY s.id ORDER BY s.position, s.id`)
      .all(this.iso()) as (SourceRow & { connection_count: number; error_count: number })[];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      ...(row.logo_url && { logoUrl: fromEndpoint(row.logo_url) }),
      connectionCount: row.connection_count,
      errorCount: row.error_count,
    }));
  }

  /**
   * The known ones of `ids`, in that order, each with its connections (the batched load).
   * Unknown or malformed IDs are left out: the widgets load those alone and get their 404.
   */
  loadSources(ids: readonly string[]): DataSourceSummary[] {
    const counts = new Map(this.listSources().map((summary) => [summary.id, summary]));
    return ids.flatMap((id) => {
      const summary = counts.get(id);
      return summary ? [{ ...summary, connections: this.listConnections(id) }] : [];
    });
  }

  /** Throws 404 for an unknown source, so every route under it answers alike. */
  requireSource(sourceId: string): SourceRow {
    const row = this.db.prepare('SELECT id, name, logo_url FROM data_sources WHERE id = ?').get(sourceId) as SourceRow | undefined;
    if (!row) throw sourceNotFound(sourceId);
    return row;
  }

  getSource(sourceId: string): DataSource {
    const row = this.requireSource(sourceId);
    return {
      id: row.id,
      name: row.name,
      ...(row.logo_url && { logoUrl: fromEndpoint(row.logo_url) }),
      connections: this.listConnections(sourceId),
    };
  }

  listConnections(sourceId: string): Connection[] {
    this.requireSource(sourceId);
    const rows = this.db.prepare(`SELECT * FROM connections WHERE source_id = ? ${ORDER}`).all(sourceId) as ConnectionRow[];
    const now = this.iso();
    return rows.map((row) => toConnection(row, now));
  }

  private row(sourceId: string, connectionId: string): ConnectionRow | undefined {
    return this.db.prepare('SELECT * FROM connections WHERE source_id = ? AND id = ?').get(sourceId, connectionId) as ConnectionRow | undefined;
  }

  private requireRow(sourceId: string, connectionId: string): ConnectionRow {
    this.requireSource(sourceId);
    const row = this.row(sourceId, connectionId);
    if (!row) throw connectionNotFound(sourceId, connectionId);
    return row;
  }

  getConnection(sourceId: string, connectionId: string): Connection {
    return toConnection(this.requireRow(sourceId, connectionId), this.iso());
  }

  /** The account behind a connection, or undefined when it is gone (deleted meanwhile). */
  findAccount(sourceId: string, connectionId: string): { accountId: string; accountName: string } | undefined {
    const row = this.row(sourceId, connectionId);
    return row && { accountId: row.account_id, accountName: row.account_name };
  }

  accountIds(sourceId: string): Set<string> {
    const rows = this.db.prepare('SELECT account_id FROM connections WHERE source_id = ?').all(sourceId) as { account_id: string }[];
    return new Set(rows.map((row) => row.account_id));
  }

  private setMain(sourceId: string, connectionId: string): void {
    // Clear first: the partial unique index refuses two mains even for an instant.
    this.db.prepare('UPDATE connections SET is_main = 0 WHERE source_id = ? AND is_main = 1').run(sourceId);
    this.db.prepare('UPDATE connections SET is_main = 1 WHERE id = ?').run(connectionId);
  }

  makeMain(sourceId: string, connectionId: string): Connection {
    return this.db.transaction(() => {
      const row = this.requireRow(sourceId, connectionId);
      this.setMain(sourceId, connectionId);
      if (!row.is_main) this.record(row, 'made_main');
      return this.getConnection(sourceId, connectionId);
    })();
  }

  /** A data update: only possible with working credentials. */
  refresh(sourceId: string, connectionId: string): Connection {
    return this.db.transaction(() => {
      const connection = this.getConnection(sourceId, connectionId);
      if (connection.error) {
        throw new HttpError(
          409,
          'connection_in_error',
          `The connection "${connection.accountName}" is in error (${connection.error.code}); re-connect it before refreshing.`,
        );
      }
      this.db.prepare('UPDATE connections SET updated_at = ? WHERE id = ?').run(this.iso(), connectionId);
      this.record(this.requireRow(sourceId, connectionId), 'refreshed');
      return this.getConnection(sourceId, connectionId);
    })();
  }

  /** Deleting the main promotes the newest remaining credentials, so a main always exists. */
  delete(sourceId: string, connectionId: string): void {
    this.db.transaction(() => {
      const row = this.requireRow(sourceId, connectionId);
      this.db.prepare('DELETE FROM connections WHERE id = ?').run(connectionId);
      this.record(row, 'deleted');
      if (!row.is_main) return;
      const next = this.db.prepare(`SELECT * FROM connections WHERE source_id = ? ${ORDER} LIMIT 1`).get(sourceId) as ConnectionRow | undefined;
      if (next) {
        this.setMain(sourceId, next.id);
        this.record(next, 'made_main');
      }
    })();
  }

  /**
   * Fresh credentials for an account: the existing row of that account is updated in place
   * (error cleared, same id, expiry renewed), else a row is added; either way it becomes main.
   * `by` says who, for the history (a teammate through a connect link).
   */
  authorize(
    sourceId: string,
    accountId: string,
    accountName: string,
    expiresAt?: string,
    by: { actor?: string | null; viaLink?: boolean } = {},
  ): string {
    return this.db.transaction(() => {
      this.requireSource(sourceId);
      const now = this.iso();
      // The platform's own end of the grant when it says one (its refresh token's expiry).
      const expires = expiresAt ?? new Date(this.now() + GRANT_DAYS * DAY).toISOString();
      const existing = this.db.prepare('SELECT * FROM connections WHERE source_id = ? AND account_id = ?').get(sourceId, accountId) as ConnectionRow | undefined;
      let id: string;
      if (existing) {
        id = existing.id;
        this.db
          .prepare(`UPDATE connections SET account_name = ?, status = 'active', error_code = NULL, error_message = NULL, authorized_at = ?, expires_at = ? WHERE id = ?`)
          .run(accountName, now, expires, id);
      } else {
        id = newConnectionId();
        // No data update has run yet for a new account, hence no updated_at.
        this.db
          .prepare(`
            INSERT INTO connections (id, source_id, account_id, account_name, status, is_main, created_at, updated_at, authorized_at, expires_at)
            VALUES (?, ?, ?, ?, 'active', 0, ?, NULL, ?, ?)`)
          .run(id, sourceId, accountId, accountName, now, now, expires);
      }
      this.setMain(sourceId, id);
      const row = this.requireRow(sourceId, id);
      this.record(row, existing ? 'reconnected' : 'connected', by);
      // Fresh credentials mend a failing account: that is worth its own line in the history.
      if (existing && (existing.status === 'error' || isExpired(existing, now))) this.record(row, 'recovered', by);
      return id;
    })();
  }

  /** Demo control: what a provider's revocation looks like to the platform. */
  fail(sourceId: string, connectionId: string, code: string, message: string): Connection {
    return this.db.transaction(() => {
      const row = this.requireRow(sourceId, connectionId);
      this.db.prepare(`UPDATE connections SET status = 'error', error_code = ?, error_message = ? WHERE id = ?`).run(code, message, connectionId);
      this.record(row, 'failed', { message });
      return this.getConnection(sourceId, connectionId);
    })();
  }
}

/**
 * A logo's URL as the contract gives it: relative to the endpoint (`logos/x.svg`, served under
 * it), so that it still points here when a host's proxy mounts the endpoint elsewhere.
 */
function fromEndpoint(url: string): string {
  return url.replace(/^\/logos\//, 'logos/');
}

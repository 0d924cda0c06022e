import type { HistoryEvent, HistoryEventType, HistoryPage } from '../../src/api/types.js';
import type { App } from './app.js';
import type { Db } from './db.js';
import { HttpError, sendJson } from './http.js';
import type { Route } from './router.js';
import { singleQuery, sourceIdParam } from './validation.js';

/**
 * The activity history of each data source: one row per change to a connection or a connect
 * link, written by the same transaction as the change itself (the store's write methods call
 * `recordHistory` inside their `db.transaction`), so the history never tells of a change that
 * was rolled back, nor misses one that was made.
 */

export const HISTORY_SCHEMA = `
  CREATE TABLE history (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    at             TEXT NOT NULL,
    connection_id  TEXT,
    account_name   TEXT,
    account_id     TEXT,
    actor          TEXT,
    via_link       INTEGER NOT NULL DEFAULT 0 CHECK (via_link IN (0, 1)),
    link_id        TEXT,
    message        TEXT
  );
  CREATE INDEX history_by_source ON history (source_id, seq);
  CREATE INDEX history_by_connection ON history (source_id, connection_id, seq);
`;

export interface HistoryEntry {
  sourceId: string;
  type: Exclude<HistoryEventType, 'unknown'>;
  /** ISO-8601 */
  at: string;
  connectionId?: string | null;
  accountName?: string | null;
  accountId?: string | null;
  actor?: string | null;
  viaLink?: boolean;
  linkId?: string | null;
  message?: string | null;
}

interface HistoryRow {
  seq: number;
  type: HistoryEventType;
  at: string;
  connection_id: string | null;
  account_name: string | null;
  account_id: string | null;
  actor: string | null;
  via_link: 0 | 1;
  message: string | null;
}

/** Call inside the transaction that makes the change. */
export function recordHistory(db: Db, entry: HistoryEntry): void {
  db.prepare(`
    INSERT INTO history (source_id, type, at, connection_id, account_name, account_id, actor, via_link, link_id, message)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    entry.sourceId,
    entry.type,
    entry.at,
    entry.connectionId ?? null,
    entry.accountName ?? null,
    entry.accountId ?? null,
    entry.actor ?? null,
    entry.viaLink ? 1 : 0,
    entry.linkId ?? null,
    entry.message ?? null,
  );
}

export const HISTORY_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/**
 * The cursor is the sequence number of the last event sent, opaque to clients (base64url), so
 * that events recorded meanwhile shift no page: "older than this one" stays the same set.
 */
const encodeCursor = (seq: number) => Buffer.from(`h${seq}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^h(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new HttpError(400, 'invalid_query', 'The query parameter "cursor" is not one this server gave (use "nextCursor" as it came).');
  return Number(match[1]);
}

function toEvent(row: HistoryRow): HistoryEvent {
  return {
    id: `evt_${row.seq}`,
    type: row.type,
    at: row.at,
    connectionId: row.connection_id,
    accountName: row.account_name,
    accountId: row.account_id,
    actor: row.actor,
    viaLink: row.via_link === 1,
    message: row.message,
  };
}

export interface HistoryQuery {
  connectionId?: string;
  cursor?: string;
  limit?: number;
}

/** One page of a source's history, newest first. */
export function readHistory(db: Db, sourceId: string, query: HistoryQuery = {}): HistoryPage {
  const limit = Math.min(query.limit ?? HISTORY_PAGE_SIZE, MAX_PAGE_SIZE);
  const before = query.cursor ? decodeCursor(query.cursor) : Number.MAX_SAFE_INTEGER;
  const filter = query.connectionId ? 'AND connection_id = ?' : '';
  const args: unknown[] = [sourceId, before, ...(query.connectionId ? [query.connectionId] : []), limit + 1];
  const rows = db
    .prepare(`SELECT * FROM history WHERE source_id = ? AND seq < ? ${filter} ORDER BY seq DESC LIMIT ?`)
    .all(...args) as HistoryRow[];
  const more = rows.length > limit;
  const items = rows.slice(0, limit).map(toEvent);
  return { items, nextCursor: more ? encodeCursor(rows[limit - 1]!.seq) : null };
}

/** Whether an `expiring` event was recorded for this connection since `since` (ISO-8601). */
function expiringSince(db: Db, connectionId: string, since: string): boolean {
  return !!db.prepare(`SELECT 1 FROM history WHERE connection_id = ? AND type = 'expiring' AND at >= ?`).get(connectionId, since);
}

/**
 * Expiry is read, not written (see connections.ts): nothing changes in the database when an
 * account enters its warning window. Its `expiring` event is recorded when the history is
 * first read after that moment, once per grant of credentials.
 */
export function noticeExpiring(db: Db, sourceId: string, nowMs: number, warningDays = 7): void {
  const now = new Date(nowMs).toISOString();
  const soon = new Date(nowMs + warningDays * 24 * 60 * 60 * 1000).toISOString();
  const rows = db
    .prepare(`SELECT id, account_id, account_name, authorized_at, expires_at FROM connections
              WHERE source_id = ? AND status = 'active' AND expires_at IS NOT NULL AND expires_at <= ? AND expires_at > ?`)
    .all(sourceId, soon, now) as { id: string; account_id: string; account_name: string; authorized_at: string; expires_at: string }[];
  db.transaction(() => {
    for (const row of rows) {
      if (expiringSince(db, row.id, row.authorized_at)) continue;
      recordHistory(db, {
        sourceId,
        type: 'expiring',
        at: now,
        connectionId: row.id,
        accountName: row.account_name,
        accountId: row.account_id,
        message: row.expires_at,
      });
    }
  })();
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A plausible past for the seeded connections, oldest first (sequence numbers follow time):
 * each was connected, some refreshed, failing ones failed with their message; one source has a
 * long history with a link used by a teammate, so that "Show older" has pages to go through.
 */
export function seedHistory(db: Db, now: number): void {
  const rows = db
    .prepare(`SELECT id, source_id, account_id, account_name, status, error_message, created_at, updated_at FROM connections`)
    .all() as {
    id: string;
    source_id: string;
    account_id: string;
    account_name: string;
    status: string;
    error_message: string | null;
    created_at: string;
    updated_at: string | null;
  }[];
  const entries: HistoryEntry[] = [];
  rows.forEach((row, index) => {
    const account = { sourceId: row.source_id, connectionId: row.id, accountName: row.account_name, accountId: row.account_id };
    const created = Date.parse(row.created_at);
    const byLink = row.source_id === 'ga4' && index % 3 === 0;
    if (byLink) {
      entries.push({ sourceId: row.source_id, type: 'link_created', at: iso(created - 2 * DAY), message: 'maria@bluebird.example' });
      entries.push({ ...account, type: 'link_used', at: iso(created), actor: 'maria@bluebird.example', viaLink: true });
    }
    entries.push({ ...account, type: 'connected', at: iso(created), actor: byLink ? 'maria@bluebird.example' : null, viaLink: byLink });
    if (row.updated_at) {
      const updated = Date.parse(row.updated_at);
      // A refresh every few weeks between the two dates, at most a few per account.
      for (let at = created + 20 * DAY, n = 0; at < updated && n < 3; at += 20 * DAY, n++) {
        entries.push({ ...account, type: 'refreshed', at: iso(at) });
      }
    }
    if (row.status === 'error') {
      const failed = row.updated_at ? Date.parse(row.updated_at) + 60 * 60 * 1000 : created + DAY;
      entries.push({ ...account, type: 'failed', at: iso(Math.min(failed, now - 60_000)), message: row.error_message });
    }
  });
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const entry of entries) recordHistory(db, entry);
}

const iso = (ms: number) => new Date(ms).toISOString();

const CONNECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `GET …/history?connectionId=&cursor=&limit=`: one page, newest first. */
export function historyRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/data-sources/:sourceId/history',
      kind: 'json',
      query: true,
      handle({ res, params, url }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const unknown = [...url.searchParams.keys()].find((name) => !['connectionId', 'cursor', 'limit'].includes(name));
        if (unknown) throw new HttpError(400, 'invalid_query', `This route takes only "connectionId", "cursor" and "limit" (got "${unknown.slice(0, 40)}").`);
        const connectionId = singleQuery(url, 'connectionId');
        if (connectionId !== undefined && !CONNECTION_ID.test(connectionId)) {
          throw new HttpError(400, 'invalid_query', 'The query parameter "connectionId" must be a connection ID.');
        }
        const limitText = singleQuery(url, 'limit');
        const limit = limitText === undefined ? undefined : Number(limitText);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)) {
          throw new HttpError(400, 'invalid_query', `The query parameter "limit" must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
        }
        app.connections.requireSource(sourceId);
        noticeExpiring(app.db, sourceId, app.now());
        const page = readHistory(app.db, sourceId, { connectionId, cursor: singleQuery(url, 'cursor'), limit });
        sendJson(res, 200, page satisfies HistoryPage);
      },
    },
  ];
}

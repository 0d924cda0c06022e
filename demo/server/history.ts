import type { HistoryEvent, HistoryEventType, HistoryPage } from '../../src/api/types.js';
import type { App } from './app.js';
import { HttpError, sendJson } from './http.js';
import type { Route } from './router.js';
import type { Sql } from './storage/sql.js';
import { singleQuery, sourceIdParam } from './validation.js';

/**
 * The activity history of each data source: one row per change to a connection or a connect
 * link, written by the same transaction as the change itself (the stores' write methods call
 * `recordHistory` with their transaction's `tx`, on SQLite and PostgreSQL alike), so the history
 * never tells of a change that was rolled back, nor misses one that was made. Each row belongs to
 * one user (the owner of the connection or link), and only that user reads it. Tables: storage/schema.ts.
 */

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
  /** A number, or on PostgreSQL a BIGSERIAL (read as a number, see storage/postgres.ts). */
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
export async function recordHistory(tx: Sql, userId: string, entry: HistoryEntry): Promise<void> {
  await tx.run(
    `INSERT INTO history (user_id, source_id, type, at, connection_id, account_name, account_id, actor, via_link, link_id, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
    userId,
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
    ],
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
    id: `evt_${Number(row.seq)}`,
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

/** One page of one user's history of a source, newest first. */
export async function readHistory(sql: Sql, userId: string, sourceId: string, query: HistoryQuery = {}): Promise<HistoryPage> {
  const limit = Math.min(query.limit ?? HISTORY_PAGE_SIZE, MAX_PAGE_SIZE);
  const before = query.cursor ? decodeCursor(query.cursor) : Number.MAX_SAFE_INTEGER;
  const filter = query.connectionId ? 'AND connection_id = ?' : '';
  const args = [userId, sourceId, before, ...(query.connectionId ? [query.connectionId] : []), limit + 1];
  const rows = await sql.all<HistoryRow>(
    `SELECT seq, type, at, connection_id, account_name, account_id, actor, via_link, message FROM history
     WHERE user_id = ? AND source_id = ? AND seq < ? ${filter} ORDER BY seq DESC LIMIT ?`,
    args,
  );
  const more = rows.length > limit;
  const items = rows.slice(0, limit).map(toEvent);
  return { items, nextCursor: more ? encodeCursor(Number(rows[limit - 1]!.seq)) : null };
}

/** Whether an `expiring` event was recorded for this connection since `since` (ISO-8601). */
async function expiringSince(tx: Sql, userId: string, connectionId: string, since: string): Promise<boolean> {
  return !!(await tx.get(`SELECT 1 AS found FROM history WHERE user_id = ? AND connection_id = ? AND type = 'expiring' AND at >= ?`, [userId, connectionId, since]));
}

/**
 * Expiry is read, not written (see connections.ts): nothing changes in the database when an
 * account enters its warning window. Its `expiring` event is recorded when the history is
 * first read after that moment, once per grant of credentials.
 */
export async function noticeExpiring(sql: Sql, userId: string, sourceId: string, nowMs: number, warningDays = 7): Promise<void> {
  const now = new Date(nowMs).toISOString();
  const soon = new Date(nowMs + warningDays * 24 * 60 * 60 * 1000).toISOString();
  const select = `SELECT id, account_id, account_name, authorized_at, expires_at FROM connections
    WHERE user_id = ? AND source_id = ? AND status = 'active' AND expires_at IS NOT NULL AND expires_at <= ? AND expires_at > ?`;
  type Row = { id: string; account_id: string; account_name: string; authorized_at: string; expires_at: string };
  if (!(await sql.get<Row>(select, [userId, sourceId, soon, now]))) return;
  // Under the source's write lock: two reads at once (two instances) record the event once.
  await sql.transaction(async (tx) => {
    await tx.lock(`connections/${userId}/${sourceId}`);
    for (const row of await tx.all<Row>(select, [userId, sourceId, soon, now])) {
      if (await expiringSince(tx, userId, row.id, row.authorized_at)) continue;
      await recordHistory(tx, userId, {
        sourceId,
        type: 'expiring',
        at: now,
        connectionId: row.id,
        accountName: row.account_name,
        accountId: row.account_id,
        message: row.expires_at,
      });
    }
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A plausible past for the seeded connections, oldest first (sequence numbers follow time):
 * each was connected, some refreshed, failing ones failed with their message; one source has a
 * long history with a link used by a teammate, so that "Show older" has pages to go through.
 */
export async function seedHistory(sql: Sql, userId: string, now: number): Promise<void> {
  const rows = await sql.all<{
    id: string;
    source_id: string;
    account_id: string;
    account_name: string;
    status: string;
    error_message: string | null;
    created_at: string;
    updated_at: string | null;
  }>(
    `SELECT id, source_id, account_id, account_name, status, error_message, created_at, updated_at FROM connections
     WHERE user_id = ? ORDER BY id`,
    [userId],
  );
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
  for (const entry of entries) await recordHistory(sql, userId, entry);
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
      async handle({ res, params, url, userId }) {
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
        await app.connections.requireSource(sourceId);
        await noticeExpiring(app.sql, userId, sourceId, app.now());
        const page = await readHistory(app.sql, userId, sourceId, { connectionId, cursor: singleQuery(url, 'cursor'), limit });
        sendJson(res, 200, page satisfies HistoryPage);
      },
    },
  ];
}

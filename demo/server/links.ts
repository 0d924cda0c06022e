import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiErrorDetail, Connection, ConnectLink, ConnectLinkList, ConnectLinkStatus, CreatedConnectLink } from '../../src/api/types.js';
import type { App } from './app.js';
import type { Db } from './db.js';
import { recordHistory } from './history.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { linkUrl } from './link-page.js';
import type { Route } from './router.js';
import { readEmptyBody, readJsonObject, sourceIdParam, textField } from './validation.js';

/**
 * Connect links: a page that lets a teammate who holds a platform's credentials connect an
 * account for this data source, without access to anything else of the account here.
 *
 * The token: 32 bytes (256 bits) from the OS generator, base64url, in the link's URL next to the
 * link's ID. Only its SHA-256 is stored: a leaked database lets nobody use a link. A check looks
 * the link up by its ID (not secret), hashes the token presented and compares the two digests
 * with `timingSafeEqual`, so the time taken tells nothing of how much of a guess was right.
 * A link works once, until it is used, revoked or past `expires_at`; the page says which.
 */

export const LINKS_SCHEMA = `
  CREATE TABLE connect_links (
    id             TEXT PRIMARY KEY,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    token_sha256   BLOB NOT NULL,
    recipient      TEXT,
    note           TEXT,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'used', 'revoked')),
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    ended_at       INTEGER,
    connection_id  TEXT
  );
  CREATE INDEX connect_links_by_source ON connect_links (source_id, status);
  -- Which authorization states a link's page started: the callback knows the link from the state.
  CREATE TABLE connect_link_states (
    state    TEXT PRIMARY KEY,
    link_id  TEXT NOT NULL REFERENCES connect_links(id) ON DELETE CASCADE
  );
`;

export const LINK_TTL_DAYS = 7;
export const MAX_LINK_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export interface LinkRow {
  id: string;
  source_id: string;
  token_sha256: Buffer;
  recipient: string | null;
  note: string | null;
  status: 'pending' | 'used' | 'revoked';
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  connection_id: string | null;
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** The link as the contract shows it; a pending one past its expiry is `expired`. */
export function toLink(row: LinkRow, now: number): ConnectLink {
  const status: ConnectLinkStatus = row.status === 'pending' && row.expires_at <= now ? 'expired' : row.status;
  return {
    id: row.id,
    status,
    recipient: row.recipient,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** Why a link cannot be used, as the link's page tells it. */
export type LinkRefusal = { status: 404 | 410; code: string; title: string; message: string };

const REFUSALS: Record<'unknown' | 'used' | 'revoked' | 'expired', LinkRefusal> = {
  unknown: {
    status: 404,
    code: 'link_not_found',
    title: 'This link does not work',
    message: 'This connect link is unknown: it may have been copied incompletely. Ask the person who sent it for a new one.',
  },
  used: {
    status: 410,
    code: 'link_used',
    title: 'This link was already used',
    message: 'Each connect link works once, and this one has been used to connect an account. Ask the person who sent it for a new one if needed.',
  },
  revoked: {
    status: 410,
    code: 'link_revoked',
    title: 'This link was cancelled',
    message: 'The person who sent this connect link cancelled it. Ask them for a new one if needed.',
  },
  expired: {
    status: 410,
    code: 'link_expired',
    title: 'This link has expired',
    message: 'Connect links work for a limited time, and this one has expired. Ask the person who sent it for a new one.',
  },
};

export function refusalError(refusal: LinkRefusal): ApiErrorDetail {
  return { code: refusal.code, message: refusal.message };
}

export class LinkStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** Creates a link; the token is returned this once and never stored. */
  create(sourceId: string, options: { recipient?: string; note?: string; days?: number; actor?: string | null }): { row: LinkRow; token: string } {
    return this.db.transaction(() => {
      const now = this.now();
      const id = `lnk_${randomBytes(9).toString('base64url')}`;
      const token = randomBytes(32).toString('base64url');
      const expires = now + (options.days ?? LINK_TTL_DAYS) * DAY;
      this.db
        .prepare(`
          INSERT INTO connect_links (id, source_id, token_sha256, recipient, note, status, created_at, expires_at)
          VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`)
        .run(id, sourceId, sha256(token), options.recipient ?? null, options.note ?? null, now, expires);
      recordHistory(this.db, {
        sourceId,
        type: 'link_created',
        at: new Date(now).toISOString(),
        actor: options.actor ?? null,
        message: options.recipient ?? null,
        linkId: id,
      });
      return { row: this.get(id)!, token };
    })();
  }

  get(id: string): LinkRow | undefined {
    return this.db.prepare('SELECT * FROM connect_links WHERE id = ?').get(id) as LinkRow | undefined;
  }

  /** The pending links of a source that have not expired, newest first. */
  pending(sourceId: string): ConnectLink[] {
    const now = this.now();
    const rows = this.db
      .prepare(`SELECT * FROM connect_links WHERE source_id = ? AND status = 'pending' AND expires_at > ? ORDER BY created_at DESC, rowid DESC`)
      .all(sourceId, now) as LinkRow[];
    return rows.map((row) => toLink(row, now));
  }

  pendingCount(sourceId: string): number {
    const { count } = this.db
      .prepare(`SELECT count(*) AS count FROM connect_links WHERE source_id = ? AND status = 'pending' AND expires_at > ?`)
      .get(sourceId, this.now()) as { count: number };
    return count;
  }

  /** Revokes a pending link; 404 for an unknown one, 409 for one that was used meanwhile. */
  revoke(sourceId: string, id: string, actor: string | null = null): void {
    this.db.transaction(() => {
      const row = this.get(id);
      if (!row || row.source_id !== sourceId) throw new HttpError(404, 'link_not_found', `Data source "${sourceId}" has no connect link "${id}".`);
      if (row.status === 'revoked') return;
      if (row.status === 'used') throw new HttpError(409, 'link_used', 'This connect link was already used; it cannot be revoked.');
      const now = this.now();
      this.db.prepare(`UPDATE connect_links SET status = 'revoked', ended_at = ? WHERE id = ?`).run(now, id);
      recordHistory(this.db, {
        sourceId,
        type: 'link_revoked',
        at: new Date(now).toISOString(),
        actor,
        message: row.recipient,
        linkId: id,
      });
    })();
  }

  /**
   * The pending link that `id` and `token` name, or why it cannot be used. An unknown ID and a
   * wrong token answer alike, so the page cannot be used to learn which IDs exist.
   */
  check(id: string, token: string): LinkRow | LinkRefusal {
    const row = this.get(id);
    const presented = sha256(token);
    // Compared even without a row (against zeros), so both paths do the same work.
    const stored = row?.token_sha256 ?? Buffer.alloc(presented.length);
    const match = timingSafeEqual(stored, presented) && !!row;
    if (!row || !match) return REFUSALS.unknown;
    if (row.status === 'used') return REFUSALS.used;
    if (row.status === 'revoked') return REFUSALS.revoked;
    if (row.expires_at <= this.now()) return REFUSALS.expired;
    return row;
  }

  /** Remembers that the link's page started this authorization state. */
  bindState(state: string, linkId: string): void {
    this.db.prepare('INSERT INTO connect_link_states (state, link_id) VALUES (?, ?)').run(state, linkId);
  }

  /** The link behind an authorization state, if a link's page started it. */
  forState(state: string): LinkRow | undefined {
    return this.db
      .prepare('SELECT l.* FROM connect_links l JOIN connect_link_states s ON s.link_id = l.id WHERE s.state = ?')
      .get(state) as LinkRow | undefined;
  }

  /** Why the link behind `state` can no longer be used (a second tab, a revocation meanwhile), if so. */
  refusalForState(state: string): LinkRefusal | undefined {
    const row = this.forState(state);
    if (!row) return undefined;
    if (row.status === 'used') return REFUSALS.used;
    if (row.status === 'revoked') return REFUSALS.revoked;
    if (row.expires_at <= this.now()) return REFUSALS.expired;
    return undefined;
  }

  /** Who acts when the link behind `state` is used, for the history; empty when no link started it. */
  actorForState(state: string): { actor?: string | null; viaLink?: boolean } {
    const row = this.forState(state);
    return row ? { actor: row.recipient, viaLink: true } : {};
  }

  /** After the authorization `state` made `connectionId`: its link, if any, is used up. */
  completeState(state: string, connectionId: string, account: { accountId: string; accountName: string }): void {
    const row = this.forState(state);
    if (row) this.markUsed(row, connectionId, account);
  }

  /** Marks the link used by the connection it made; call in the transaction that made it. */
  markUsed(row: LinkRow, connectionId: string, account: { accountId: string; accountName: string }): void {
    const now = this.now();
    this.db.prepare(`UPDATE connect_links SET status = 'used', ended_at = ?, connection_id = ? WHERE id = ? AND status = 'pending'`).run(now, connectionId, row.id);
    recordHistory(this.db, {
      sourceId: row.source_id,
      type: 'link_used',
      at: new Date(now).toISOString(),
      connectionId,
      accountName: account.accountName,
      accountId: account.accountId,
      actor: row.recipient,
      viaLink: true,
      linkId: row.id,
    });
  }
}

/** Who connected, through a link naming them, each of these sources' connections, by connection ID. */
export function connectedBy(db: Db, sourceIds: readonly string[]): Map<string, string> {
  if (!sourceIds.length) return new Map();
  const rows = db
    .prepare(`SELECT connection_id, recipient FROM connect_links
              WHERE status = 'used' AND connection_id IS NOT NULL AND recipient IS NOT NULL
                AND source_id IN (${sourceIds.map(() => '?').join(',')})
              ORDER BY ended_at`)
    .all(...sourceIds) as { connection_id: string; recipient: string }[];
  // The latest use wins: ordered by time, later rows overwrite.
  return new Map(rows.map((row) => [row.connection_id, row.recipient]));
}

/**
 * A source as the contract serves it, with what the links add: the count of pending links (the
 * widgets check the source every few seconds while there are some) and, on each account
 * connected through a link, who connected it.
 */
export function withLinks<T extends { id: string; connections?: Connection[] }>(app: App, source: T): T & { pendingLinkCount?: number } {
  const pending = app.links.pendingCount(source.id);
  const by = connectedBy(app.db, [source.id]);
  const connections = source.connections?.map((c) => (by.has(c.id) ? { ...c, connectedBy: by.get(c.id)! } : c));
  return { ...source, ...(pending > 0 && { pendingLinkCount: pending }), ...(connections && { connections }) };
}

/** Connections as the contract serves them, with who connected those that came through a link. */
export function connectionsWithLinks(app: App, sourceId: string, connections: Connection[]): Connection[] {
  return withLinks(app, { id: sourceId, connections }).connections!;
}

const SOURCE = '/api/data-sources/:sourceId';

/** `…/links`: create, list and revoke connect links (see the top of this file). */
export function linkRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${SOURCE}/links`,
      kind: 'json',
      handle({ res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        app.connections.requireSource(sourceId);
        sendJson(res, 200, { items: app.links.pending(sourceId) } satisfies ConnectLinkList);
      },
    },
    {
      method: 'POST',
      pattern: `${SOURCE}/links`,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const body = await readJsonObject(req, ['recipient', 'note', 'expiresInDays']);
        const recipient = textField(body.recipient ?? undefined, 'recipient', 200);
        const note = textField(body.note ?? undefined, 'note', 1000);
        const days = body.expiresInDays;
        if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) {
          throw new HttpError(400, 'invalid_body', `The field "expiresInDays" is required: a whole number of days from 1 to ${MAX_LINK_DAYS}.`);
        }
        app.connections.requireSource(sourceId);
        const { row, token } = app.links.create(sourceId, { recipient, note, days });
        const answer: CreatedConnectLink = { ...toLink(row, app.now()), url: linkUrl(app.baseUrl(req), row.id, token) };
        sendJson(res, 201, answer);
      },
    },
    {
      method: 'DELETE',
      pattern: `${SOURCE}/links/:linkId`,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        await readEmptyBody(req);
        app.connections.requireSource(sourceId);
        app.links.revoke(sourceId, params.linkId!);
        sendNoContent(res);
      },
    },
  ];
}

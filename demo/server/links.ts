import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiErrorDetail, Connection, ConnectLink, ConnectLinkList, ConnectLinkStatus, CreatedConnectLink } from '../../src/api/types.js';
import type { App } from './app.js';
import type { Actor } from './connections.js';
import { recordHistory } from './history.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { linkUrl } from './link-page.js';
import type { Route } from './router.js';
import type { Sql } from './storage/sql.js';
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

export const LINK_TTL_DAYS = 7;
export const MAX_LINK_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export interface LinkRow {
  id: string;
  source_id: string;
  user_id: string;
  /** Hex. */
  token_sha256: string;
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

/**
 * The links of each user. A link belongs to the user who made it: only they list or revoke it,
 * and an account connected through it is theirs; anyone else is told it does not exist. The
 * link's page has no signed-in user: there the token alone names the link (and so its user).
 */
export class LinkStore {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** Creates a link; the token is returned this once and never stored. */
  create(userId: string, sourceId: string, options: { recipient?: string; note?: string; days?: number; actor?: string | null }): Promise<{ row: LinkRow; token: string }> {
    return this.sql.transaction(async (tx) => {
      const now = this.now();
      const id = `lnk_${randomBytes(9).toString('base64url')}`;
      const token = randomBytes(32).toString('base64url');
      const expires = now + (options.days ?? LINK_TTL_DAYS) * DAY;
      await tx.run(
        `INSERT INTO connect_links (id, user_id, source_id, token_sha256, recipient, note, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
        [id, userId, sourceId, sha256(token).toString('hex'), options.recipient ?? null, options.note ?? null, now, expires],
      );
      await recordHistory(tx, userId, {
        sourceId,
        type: 'link_created',
        at: new Date(now).toISOString(),
        actor: options.actor ?? null,
        message: options.recipient ?? null,
        linkId: id,
      });
      return { row: (await this.get(id, tx))!, token };
    });
  }

  get(id: string, sql: Sql = this.sql): Promise<LinkRow | undefined> {
    return sql.get<LinkRow>('SELECT * FROM connect_links WHERE id = ?', [id]);
  }

  /** The user's pending links of a source that have not expired, newest first. */
  async pending(userId: string, sourceId: string): Promise<ConnectLink[]> {
    const now = this.now();
    // Made in the same millisecond (a test's clock): the later one is the one with the later history event.
    const rows = await this.sql.all<LinkRow>(
      `SELECT l.* FROM connect_links l JOIN history h ON h.link_id = l.id AND h.type = 'link_created'
       WHERE l.user_id = ? AND l.source_id = ? AND l.status = 'pending' AND l.expires_at > ? ORDER BY l.created_at DESC, h.seq DESC`,
      [userId, sourceId, now],
    );
    return rows.map((row) => toLink(row, now));
  }

  /** Revokes a pending link of the user; 404 for an unknown one (or another user's), 409 for one used meanwhile. */
  revoke(userId: string, sourceId: string, id: string, actor: string | null = null): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.lock(`link/${id}`);
      const row = await this.get(id, tx);
      if (!row || row.user_id !== userId || row.source_id !== sourceId) {
        throw new HttpError(404, 'link_not_found', `Data source "${sourceId}" has no connect link "${id}".`);
      }
      if (row.status === 'revoked') return;
      if (row.status === 'used') throw new HttpError(409, 'link_used', 'This connect link was already used; it cannot be revoked.');
      const now = this.now();
      await tx.run(`UPDATE connect_links SET status = 'revoked', ended_at = ? WHERE id = ?`, [now, id]);
      await recordHistory(tx, userId, {
        sourceId,
        type: 'link_revoked',
        at: new Date(now).toISOString(),
        actor,
        message: row.recipient,
        linkId: id,
      });
    });
  }

  /**
   * The pending link that `id` and `token` name, or why it cannot be used. An unknown ID and a
   * wrong token answer alike, so the page cannot be used to learn which IDs exist.
   */
  async check(id: string, token: string): Promise<LinkRow | LinkRefusal> {
    const row = await this.get(id);
    const presented = sha256(token);
    // Compared even without a row (against zeros), so both paths do the same work.
    const stored = row ? Buffer.from(row.token_sha256, 'hex') : Buffer.alloc(presented.length);
    const match = stored.length === presented.length && timingSafeEqual(stored, presented) && !!row;
    if (!row || !match) return REFUSALS.unknown;
    return refusalOf(row, this.now()) ?? row;
  }

  /** Remembers, in the transaction that creates the state, that the link's page started it. */
  async bindState(tx: Sql, state: string, linkId: string): Promise<void> {
    await tx.run('INSERT INTO connect_link_states (state, link_id) VALUES (?, ?)', [state, linkId]);
  }

  /** The link behind an authorization state, if a link's page started it. */
  forState(state: string, sql: Sql = this.sql): Promise<LinkRow | undefined> {
    return sql.get<LinkRow>('SELECT l.* FROM connect_links l JOIN connect_link_states s ON s.link_id = l.id WHERE s.state = ?', [state]);
  }

  /**
   * In the transaction that connects the account of `state`: the link behind it, if any, is
   * checked again (a second tab, a revocation meanwhile) under the link's lock and used up, or
   * the refusal is thrown, which rolls the connection back.
   */
  async useForState(tx: Sql, state: string, connectionId: string, account: { accountId: string; accountName: string }): Promise<void> {
    const found = await this.forState(state, tx);
    if (!found) return;
    await tx.lock(`link/${found.id}`);
    const row = (await this.get(found.id, tx))!;
    const refusal = refusalOf(row, this.now());
    if (refusal) throw new LinkRefused(refusal);
    const now = this.now();
    const changed = await tx.run(`UPDATE connect_links SET status = 'used', ended_at = ?, connection_id = ? WHERE id = ? AND status = 'pending'`, [
      now,
      connectionId,
      row.id,
    ]);
    if (changed !== 1) throw new LinkRefused(REFUSALS.used);
    await recordHistory(tx, row.user_id, {
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

  /** Who acts when the link behind `state` is used, for the history; empty when no link started it. */
  async actorForState(state: string): Promise<Actor> {
    const row = await this.forState(state);
    return row ? { actor: row.recipient, viaLink: true, linkId: row.id } : {};
  }

}

/** Why a link can no longer be used, if so. */
function refusalOf(row: LinkRow, now: number): LinkRefusal | undefined {
  if (row.status === 'used') return REFUSALS.used;
  if (row.status === 'revoked') return REFUSALS.revoked;
  if (row.expires_at <= now) return REFUSALS.expired;
  return undefined;
}

/** Thrown inside the connecting transaction when its link can no longer be used: nothing is connected. */
export class LinkRefused extends Error {
  constructor(readonly refusal: LinkRefusal) {
    super(refusal.message);
  }
}

/**
 * What the sources served need from a user's links, whatever the sources: the pending links, and
 * the accounts connected through a link by someone named (the one each used link names, and
 * every account its sign-in connected, which the history ties to the link: a manager login's
 * choice connects several). One read that does not depend on the time, so it is kept in memory
 * until the user's next write (see `rowsOf`), instead of queries on every read of the sources.
 */
const LINK_FACTS = `SELECT source_id, status, expires_at, connection_id, recipient, ended_at FROM connect_links
  WHERE user_id = ? AND (status = 'pending' OR (status = 'used' AND connection_id IS NOT NULL AND recipient IS NOT NULL))
  UNION ALL
  SELECT l.source_id, 'used', l.expires_at, h.connection_id, l.recipient, l.ended_at FROM history h JOIN connect_links l ON l.id = h.link_id
  WHERE h.user_id = ? AND h.type IN ('connected', 'reconnected') AND l.recipient IS NOT NULL
  ORDER BY ended_at`;

export interface LinkFact {
  source_id: string;
  status: string;
  expires_at: number;
  connection_id: string | null;
  recipient: string | null;
}

/** What the reads of sources need of the user's links; the same array while they are unchanged (see `rowsOf`). */
export function linkFacts(app: App, userId: string): Promise<LinkFact[]> {
  return app.connections.rowsOf<LinkFact>(userId, LINK_FACTS, [userId, userId]);
}

/**
 * Sources as the contract serves them at `now`, with what the links add: the count of the user's
 * pending links (the widgets check the source every few seconds while there are some) and, on
 * each account connected through a link, who connected it.
 */
export function withLinks<T extends { id: string; connections?: Connection[] }>(
  facts: readonly LinkFact[],
  sources: T[],
  now: number,
): (T & { pendingLinkCount?: number })[] {
  const pending = new Map<string, number>();
  // Ordered by the time each link ended: a later use of a link for the same connection wins.
  const by = new Map<string, string>();
  for (const fact of facts) {
    if (fact.status === 'pending' && Number(fact.expires_at) > now) pending.set(fact.source_id, (pending.get(fact.source_id) ?? 0) + 1);
    else if (fact.status === 'used') by.set(fact.connection_id!, fact.recipient!);
  }
  return sources.map((source) => {
    const count = pending.get(source.id) ?? 0;
    const connections = source.connections?.map((c) => (by.has(c.id) ? { ...c, connectedBy: by.get(c.id)! } : c));
    return { ...source, ...(count > 0 && { pendingLinkCount: count }), ...(connections && { connections }) };
  });
}

/** When the first link pending at `now` expires, leaving the pending counts. */
export function nextLinkExpiry(facts: readonly LinkFact[], now: number): number {
  let next = Infinity;
  for (const fact of facts) {
    const at = Number(fact.expires_at);
    if (fact.status === 'pending' && at > now && at < next) next = at;
  }
  return next;
}

const SOURCE = '/api/data-sources/:sourceId';

/** `…/links`: create, list and revoke connect links (see the top of this file). */
export function linkRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${SOURCE}/links`,
      kind: 'json',
      async handle({ res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        await app.connections.requireSource(sourceId);
        sendJson(res, 200, { items: await app.links.pending(userId, sourceId) } satisfies ConnectLinkList);
      },
    },
    {
      method: 'POST',
      pattern: `${SOURCE}/links`,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const body = await readJsonObject(req, ['recipient', 'note', 'expiresInDays']);
        const recipient = textField(body.recipient ?? undefined, 'recipient', 200);
        const note = textField(body.note ?? undefined, 'note', 1000);
        const days = body.expiresInDays;
        if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) {
          throw new HttpError(400, 'invalid_body', `The field "expiresInDays" is required: a whole number of days from 1 to ${MAX_LINK_DAYS}.`);
        }
        await app.connections.requireSource(sourceId);
        // Counted once the request is known to be valid (429 with Retry-After past the limit).
        await app.rateLimit(userId, 'links');
        const { row, token } = await app.links.create(userId, sourceId, { recipient, note, days, actor: await app.actorName(userId) });
        const answer: CreatedConnectLink = { ...toLink(row, app.now()), url: linkUrl(app.baseUrl(req), row.id, token) };
        sendJson(res, 201, answer);
      },
    },
    {
      method: 'DELETE',
      pattern: `${SOURCE}/links/:linkId`,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        await readEmptyBody(req);
        await app.connections.requireSource(sourceId);
        await app.links.revoke(userId, sourceId, params.linkId!, await app.actorName(userId));
        sendNoContent(res);
      },
    },
  ];
}

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Sql } from './storage/sql.js';

/** How long a demo sign-in lasts: a demo left open for weeks (or a test's clock moved ahead) stays signed in. */
export const SESSION_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/**
 * A looked-up token is trusted this long without asking the database again: one query less per
 * request, at the price of a sign-out reaching the other instances up to this late.
 */
const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;
/** The cookie the demo pages carry (the no-build page has no script to send a header). */
export const SESSION_COOKIE = 'dsw_session';

export interface User {
  id: string;
  name: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The reference backend's own sign-in: random bearer tokens, stored as hashes. A host that has
 * its own users passes `authenticate` to the handler instead and never touches this.
 */
export class SessionStore {
  private readonly cache = new Map<string, { userId: string | undefined; until: number }>();

  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  users(): Promise<User[]> {
    return this.sql.all<User>('SELECT id, name FROM users ORDER BY id');
  }

  user(id: string): Promise<User | undefined> {
    return this.sql.get<User>('SELECT id, name FROM users WHERE id = ?', [id]);
  }

  /** A new token for `userId`; only its hash is kept. */
  async signIn(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.sql.run('DELETE FROM sessions WHERE expires_at < ?', [now]);
    await this.sql.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [hash(token), userId, now, now + SESSION_TTL_MS]);
    return token;
  }

  async userOf(token: string): Promise<string | undefined> {
    const now = this.now();
    const cached = this.cache.get(token);
    if (cached && cached.until > now) return cached.userId;
    const row = await this.sql.get<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?', [hash(token), now]);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(token, { userId: row?.user_id, until: now + CACHE_MS });
    return row?.user_id;
  }

  /** After a reset: every token is gone from the database, so none may linger here. */
  forget(): void {
    this.cache.clear();
  }
}

/** The credential of a request: `Authorization: Bearer …`, else the demo pages' cookie. */
export function credentialOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header) return /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)?.[1];
  const cookie = req.headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value && /^[A-Za-z0-9_-]{20,200}$/.test(value)) return value;
  }
  return undefined;
}

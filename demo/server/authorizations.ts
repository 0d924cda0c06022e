import { randomBytes } from 'node:crypto';
import type { ApiErrorDetail, AuthorizationOutcome } from '../../src/api/types.js';
import type { App } from './app.js';
import { HttpError } from './http.js';
import type { Sql } from './storage/sql.js';

/** How long a state is accepted: long enough to sign in, short enough to limit replay. */
export const STATE_TTL_MS = 10 * 60 * 1000;
/** Finished and expired states are kept a day so a late fallback poll still gets its answer. */
export const KEEP_MS = 24 * 60 * 60 * 1000;

export interface AuthorizationRow {
  state: string;
  /** Who started it: the callback connects the account for this user. */
  user_id: string;
  source_id: string;
  connection_id: string | null;
  origin: string;
  status: 'pending' | 'completed' | 'failed';
  result_connection_id: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export const EXPIRED: ApiErrorDetail = {
  code: 'authorization_expired',
  message: 'The authorization took longer than 10 minutes and expired. Please start again.',
};

export function toOutcome(row: AuthorizationRow): AuthorizationOutcome {
  return {
    state: row.state,
    status: row.status,
    ...(row.result_connection_id && { connectionId: row.result_connection_id }),
    ...(row.status === 'failed' && {
      error: { code: row.error_code ?? 'authorization_failed', message: row.error_message ?? 'The authorization failed.' },
    }),
  };
}

/** Authorization states: random, single-use, bound to a user, a source, a connection and an origin. */
export class AuthorizationStore {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** `sql`: a transaction to create the state in (a connect link's page binds the link to it in the same one). */
  async create(userId: string, sourceId: string, connectionId: string | undefined, origin: string, sql: Sql = this.sql): Promise<AuthorizationRow> {
    const now = this.now();
    await sql.run('DELETE FROM authorizations WHERE expires_at < ?', [now - KEEP_MS]);
    // 256 bits from the OS generator: not guessable, so knowing a state proves having started it.
    const state = randomBytes(32).toString('base64url');
    await sql.run(
      `INSERT INTO authorizations (state, user_id, source_id, connection_id, origin, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
      [state, userId, sourceId, connectionId ?? null, origin, now, now + STATE_TTL_MS],
    );
    return (await sql.get<AuthorizationRow>('SELECT * FROM authorizations WHERE state = ?', [state]))!;
  }

  /** The row, with a pending state past its expiry turned failed on the way. */
  async get(state: string): Promise<AuthorizationRow | undefined> {
    const row = await this.sql.get<AuthorizationRow>('SELECT * FROM authorizations WHERE state = ?', [state]);
    if (row && row.status === 'pending' && this.isExpired(row)) {
      await this.fail(state, EXPIRED);
      return this.get(state);
    }
    return row;
  }

  isExpired(row: AuthorizationRow): boolean {
    return this.now() >= row.expires_at;
  }

  /** Claims a pending state; false when someone (a reload, a replay, another instance) already used it. */
  async claim(state: string): Promise<boolean> {
    const changes = await this.sql.run(
      `UPDATE authorizations SET used_at = ? WHERE state = ? AND status = 'pending' AND used_at IS NULL AND expires_at > ?`,
      [this.now(), state, this.now()],
    );
    return changes === 1;
  }

  /** `sql`: the transaction to join (the callback completes the state with the connection it made). */
  async complete(state: string, connectionId: string, sql: Sql = this.sql): Promise<void> {
    await sql.run(`UPDATE authorizations SET status = 'completed', result_connection_id = ? WHERE state = ?`, [connectionId, state]);
  }

  async fail(state: string, error: ApiErrorDetail): Promise<void> {
    await this.sql.run(
      `UPDATE authorizations SET status = 'failed', error_code = ?, error_message = ?, used_at = coalesce(used_at, ?) WHERE state = ?`,
      [error.code, error.message, this.now(), state],
    );
  }
}

/** The callback's URL on the origin the request came to: the one registered with the platform. */
export function callbackUrl(baseUrl: string): string {
  return `${baseUrl}/api/authorizations/callback`;
}

/**
 * Where the pop-up goes for a new state: the platform's authorization endpoint, with PKCE and,
 * for a re-connect, the account expected as `login_hint`.
 */
export async function authorizationUrlFor(app: App, baseUrl: string, row: AuthorizationRow): Promise<string> {
  const hint = row.connection_id ? (await app.connections.findAccount(row.user_id, row.source_id, row.connection_id))?.accountId : undefined;
  const url = await app.oauth?.authorizationUrl(row.source_id, row.state, callbackUrl(baseUrl), hint).catch(() => undefined);
  if (!url) {
    await app.authorizations.fail(row.state, PLATFORM_UNAVAILABLE);
    throw new HttpError(503, 'platform_unavailable', PLATFORM_UNAVAILABLE.message, { 'Retry-After': '30' });
  }
  return url;
}

export const PLATFORM_UNAVAILABLE: ApiErrorDetail = {
  code: 'platform_unavailable',
  message: "The data platform's sign-in cannot be reached right now. Please try again in a moment.",
};

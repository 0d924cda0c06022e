import { randomBytes } from 'node:crypto';
import type { Sql } from '../storage/sql.js';
import type { TokenSet } from './client.js';
import type { TokenCipher } from './token-cipher.js';

/**
 * The tokens behind each connection, sealed (see token-cipher.ts), and the PKCE verifier of each
 * pending authorization. Their tables are in storage/schema.ts, beside the contract's; a
 * connection's tokens go with it (ON DELETE CASCADE). Nothing read from here leaves the server.
 *
 * Tokens belong to a grant, not to a connection: the connections one sign-in made (several
 * accounts chosen) share its grant, each row a copy of the same tokens under the same `grantId`.
 * The platform rotates refresh tokens and takes the reuse of a used one for theft (it revokes
 * the grant), so a grant is renewed once and its new tokens saved in every row of it together
 * (`saveRenewed`); a grant no row holds any more is for the caller to revoke at the platform.
 * The grant of a sign-in waiting on an account choice is sealed here too (its row is
 * ../selection-store.ts's).
 */

export interface StoredTokens {
  connectionId: string;
  /** The grant these tokens are of, shared by the connections of one sign-in. */
  grantId: string;
  /** The connection's user and source: what the refresh job needs to change it. */
  userId: string;
  sourceId: string;
  accessToken: string;
  refreshToken?: string;
  accessExpiresAt: number;
  refreshExpiresAt?: number;
}

/** A connection that holds a grant: what its refusal puts in error. */
export interface GrantHolder {
  connectionId: string;
  userId: string;
  sourceId: string;
}

interface TokenRow {
  connection_id: string;
  grant_id: string;
  user_id: string;
  source_id: string;
  access_token: string;
  refresh_token: string | null;
  access_expires_at: number;
  refresh_expires_at: number | null;
}

/** The ID of a grant new to this server: one per sign-in. */
export function newGrantId(): string {
  return `grt_${randomBytes(9).toString('base64url')}`;
}

export class TokenStore {
  constructor(
    private readonly sql: Sql,
    private readonly cipher: TokenCipher,
    private readonly now: () => number,
  ) {}

  async savePkce(state: string, codeVerifier: string, redirectUri: string): Promise<void> {
    // Authorization states live ten minutes; their verifiers need not outlive them by much.
    await this.sql.run('DELETE FROM oauth_pkce WHERE created_at < ?', [this.now() - 24 * 60 * 60 * 1000]);
    await this.sql.run('INSERT INTO oauth_pkce (state, code_verifier, redirect_uri, created_at) VALUES (?, ?, ?, ?)', [state, codeVerifier, redirectUri, this.now()]);
  }

  /** The verifier of a state, once: it is deleted as it is read. */
  async takePkce(state: string): Promise<{ codeVerifier: string; redirectUri: string } | undefined> {
    const row = await this.sql.get<{ code_verifier: string; redirect_uri: string }>(
      'DELETE FROM oauth_pkce WHERE state = ? RETURNING code_verifier, redirect_uri',
      [state],
    );
    return row && { codeVerifier: row.code_verifier, redirectUri: row.redirect_uri };
  }

  /**
   * Gives a connection the tokens of a grant (a sign-in's answer, `grantId` that sign-in's), in
   * place of whatever it held; resolves to what it held before when that was another grant, for
   * the caller to retire (`holds`, then a revocation) once `sql` committed. `sql`: the transaction
   * to join (the callback saves the tokens with the connection they are for).
   */
  async save(connectionId: string, grantId: string, tokens: TokenSet, refreshExpiresAt: number | undefined, sql: Sql = this.sql): Promise<StoredTokens | undefined> {
    let previous: StoredTokens | undefined;
    try {
      previous = await this.get(connectionId, sql);
    } catch {
      // Tokens that do not open cannot be revoked either: they are replaced, no more.
    }
    await sql.run(
      `INSERT INTO oauth_tokens (connection_id, grant_id, access_token, refresh_token, access_expires_at, refresh_expires_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id) DO UPDATE SET grant_id = excluded.grant_id, access_token = excluded.access_token,
          refresh_token = excluded.refresh_token, access_expires_at = excluded.access_expires_at,
          refresh_expires_at = excluded.refresh_expires_at, updated_at = excluded.updated_at`,
      [connectionId, grantId, ...this.seal(connectionId, tokens), tokens.accessExpiresAt, refreshExpiresAt ?? null, this.now()],
    );
    return previous?.grantId === grantId ? undefined : previous;
  }

  /**
   * A grant's renewed tokens, into every row of it in one transaction (a refresh answer without
   * a new refresh token keeps the old one). Resolves to the number of rows: 0 when no connection
   * holds the grant any more (deleted, or re-connected, meanwhile).
   */
  saveRenewed(grantId: string, tokens: TokenSet): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const rows = await tx.all<{ connection_id: string }>('SELECT connection_id FROM oauth_tokens WHERE grant_id = ?', [grantId]);
      for (const { connection_id: id } of rows) {
        await tx.run(
          `UPDATE oauth_tokens SET access_token = ?, refresh_token = coalesce(?, refresh_token), access_expires_at = ?, updated_at = ?
            WHERE connection_id = ? AND grant_id = ?`,
          [...this.seal(id, tokens), tokens.accessExpiresAt, this.now(), id, grantId],
        );
      }
      return rows.length;
    });
  }

  async get(connectionId: string, sql: Sql = this.sql): Promise<StoredTokens | undefined> {
    const row = await sql.get<TokenRow>(
      'SELECT t.*, c.user_id, c.source_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id WHERE t.connection_id = ?',
      [connectionId],
    );
    return row && this.open(row);
  }

  /** The grant's tokens, from the first of its rows (they all hold the same); undefined when none holds it. */
  async ofGrant(grantId: string): Promise<StoredTokens | undefined> {
    const row = await this.sql.get<TokenRow>(
      `SELECT t.*, c.user_id, c.source_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id
        WHERE t.grant_id = ? ORDER BY t.connection_id LIMIT 1`,
      [grantId],
    );
    return row && this.open(row);
  }

  /** The connections that hold a grant. */
  async holders(grantId: string): Promise<GrantHolder[]> {
    const rows = await this.sql.all<{ connection_id: string; user_id: string; source_id: string }>(
      'SELECT t.connection_id, c.user_id, c.source_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id WHERE t.grant_id = ? ORDER BY t.connection_id',
      [grantId],
    );
    return rows.map((r) => ({ connectionId: r.connection_id, userId: r.user_id, sourceId: r.source_id }));
  }

  /** Whether any connection still holds the grant. */
  async holds(grantId: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 AS held FROM oauth_tokens WHERE grant_id = ? LIMIT 1', [grantId])) !== undefined;
  }

  /**
   * Grants with a connection in working order, not ended, whose access token ends before
   * `before`: what the job renews, each once however many connections hold it.
   */
  async dueBefore(before: number): Promise<string[]> {
    const rows = await this.sql.all<{ grant_id: string }>(
      `SELECT t.grant_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id
        WHERE c.status = 'active' AND t.refresh_token IS NOT NULL AND t.access_expires_at <= ?
          AND (t.refresh_expires_at IS NULL OR t.refresh_expires_at > ?)
        GROUP BY t.grant_id ORDER BY min(t.access_expires_at), t.grant_id`,
      [before, this.now()],
    );
    return rows.map((row) => row.grant_id);
  }

  /**
   * Takes the lease on renewing a grant until `until` (ms), unless another holds one that has
   * not ended: whether it was taken. Every instance's refresh job may pick the same grant, and
   * its refresh token is good once (see ../storage/schema.ts, `grant_renewals`).
   */
  async lease(grantId: string, until: number): Promise<boolean> {
    const taken = await this.sql.get<{ grant_id: string }>(
      `INSERT INTO grant_renewals (grant_id, until) VALUES (?, ?)
        ON CONFLICT (grant_id) DO UPDATE SET until = excluded.until WHERE grant_renewals.until <= ?
        RETURNING grant_id`,
      [grantId, until, this.now()],
    );
    return taken !== undefined;
  }

  async release(grantId: string): Promise<void> {
    await this.sql.run('DELETE FROM grant_renewals WHERE grant_id = ?', [grantId]);
  }

  /** Forgets a grant's tokens, in every row of it (the platform refused them). */
  async deleteGrant(grantId: string): Promise<void> {
    await this.sql.run('DELETE FROM oauth_tokens WHERE grant_id = ?', [grantId]);
  }

  /** Connections with no tokens at all (the seed's, before their grants are minted). */
  async connectionsWithoutTokens(): Promise<
    { id: string; userId: string; sourceId: string; accountId: string; accountName: string; status: string; expiresAt: string | null }[]
  > {
    const rows = await this.sql.all<{ id: string; user_id: string; source_id: string; account_id: string; account_name: string; status: string; expires_at: string | null }>(
      `SELECT c.id, c.user_id, c.source_id, c.account_id, c.account_name, c.status, c.expires_at FROM connections c
        LEFT JOIN oauth_tokens t ON t.connection_id = c.id WHERE t.connection_id IS NULL ORDER BY c.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      sourceId: r.source_id,
      accountId: r.account_id,
      accountName: r.account_name,
      status: r.status,
      expiresAt: r.expires_at,
    }));
  }

  /**
   * Seals a grant waiting on the account choice of `state`, as a connection's tokens are sealed
   * for the connection: a value moved to another choice, or to a connection, fails to open.
   */
  sealPending(state: string, tokens: { accessToken: string; refreshToken?: string }): { accessToken: string; refreshToken: string | null } {
    return {
      accessToken: this.cipher.seal(tokens.accessToken, `choice:${state}/access`),
      refreshToken: tokens.refreshToken ? this.cipher.seal(tokens.refreshToken, `choice:${state}/refresh`) : null,
    };
  }

  openPending(state: string, accessToken: string, refreshToken: string | null): { accessToken: string; refreshToken?: string } {
    return {
      accessToken: this.cipher.open(accessToken, `choice:${state}/access`),
      ...(refreshToken && { refreshToken: this.cipher.open(refreshToken, `choice:${state}/refresh`) }),
    };
  }
  /**
   * The proof a connect link's account-choice form carries (../link-choice.ts): its state,
   * sealed, so that only this server makes one and it names that state only.
   */
  sealChoiceProof(state: string): string {
    return this.cipher.seal(state, 'link-choice');
  }

  /** The state a proof names, or undefined for one this server did not make (or altered). */
  openChoiceProof(proof: string): string | undefined {
    try {
      return this.cipher.open(proof, 'link-choice');
    } catch {
      return undefined;
    }
  }


  /** The access and refresh token sealed for one row: the connection and the kind are the authenticated data. */
  private seal(connectionId: string, tokens: { accessToken: string; refreshToken?: string }): [string, string | null] {
    return [
      this.cipher.seal(tokens.accessToken, `${connectionId}/access`),
      tokens.refreshToken ? this.cipher.seal(tokens.refreshToken, `${connectionId}/refresh`) : null,
    ];
  }

  private open(row: TokenRow): StoredTokens {
    return {
      connectionId: row.connection_id,
      grantId: row.grant_id,
      userId: row.user_id,
      sourceId: row.source_id,
      accessToken: this.cipher.open(row.access_token, `${row.connection_id}/access`),
      ...(row.refresh_token && { refreshToken: this.cipher.open(row.refresh_token, `${row.connection_id}/refresh`) }),
      accessExpiresAt: row.access_expires_at,
      ...(row.refresh_expires_at !== null && { refreshExpiresAt: row.refresh_expires_at }),
    };
  }
}

import type { Sql } from '../storage/sql.js';
import type { TokenSet } from './client.js';
import type { TokenCipher } from './token-cipher.js';

/**
 * The tokens behind each connection, sealed (see token-cipher.ts), and the PKCE verifier of each
 * pending authorization. Their tables are in storage/schema.ts, beside the contract's; a
 * connection's tokens go with it (ON DELETE CASCADE). Nothing read from here leaves the server.
 * The grant of a sign-in waiting on an account choice is sealed here too (its row is
 * ../selection-store.ts's).
 */

export interface StoredTokens {
  connectionId: string;
  /** The connection's user and source: what the refresh job needs to change it. */
  userId: string;
  sourceId: string;
  accessToken: string;
  refreshToken?: string;
  accessExpiresAt: number;
  refreshExpiresAt?: number;
}

interface TokenRow {
  connection_id: string;
  user_id: string;
  source_id: string;
  access_token: string;
  refresh_token: string | null;
  access_expires_at: number;
  refresh_expires_at: number | null;
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
   * Stores a token answer; a refresh answer without a new refresh token keeps the old one.
   * `sql`: the transaction to join (the callback saves the tokens with the connection they are for).
   */
  async save(connectionId: string, tokens: TokenSet, refreshExpiresAt: number | undefined, sql: Sql = this.sql): Promise<void> {
    const sealedRefresh = tokens.refreshToken ? this.cipher.seal(tokens.refreshToken, `${connectionId}/refresh`) : null;
    await sql.run(
      `INSERT INTO oauth_tokens (connection_id, access_token, refresh_token, access_expires_at, refresh_expires_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id) DO UPDATE SET access_token = excluded.access_token,
          refresh_token = coalesce(excluded.refresh_token, oauth_tokens.refresh_token), access_expires_at = excluded.access_expires_at,
          refresh_expires_at = coalesce(excluded.refresh_expires_at, oauth_tokens.refresh_expires_at), updated_at = excluded.updated_at`,
      [connectionId, this.cipher.seal(tokens.accessToken, `${connectionId}/access`), sealedRefresh, tokens.accessExpiresAt, refreshExpiresAt ?? null, this.now()],
    );
  }

  async get(connectionId: string): Promise<StoredTokens | undefined> {
    const row = await this.sql.get<TokenRow>(
      'SELECT t.*, c.user_id, c.source_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id WHERE t.connection_id = ?',
      [connectionId],
    );
    return row && this.open(row);
  }

  /** Connections in working order, grant not ended, whose access token ends before `before`: what the job renews. */
  async dueBefore(before: number): Promise<string[]> {
    const rows = await this.sql.all<{ connection_id: string }>(
      `SELECT t.connection_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id
        WHERE c.status = 'active' AND t.refresh_token IS NOT NULL AND t.access_expires_at <= ?
          AND (t.refresh_expires_at IS NULL OR t.refresh_expires_at > ?) ORDER BY t.access_expires_at`,
      [before, this.now()],
    );
    return rows.map((row) => row.connection_id);
  }

  async delete(connectionId: string): Promise<void> {
    await this.sql.run('DELETE FROM oauth_tokens WHERE connection_id = ?', [connectionId]);
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

  private open(row: TokenRow): StoredTokens {
    return {
      connectionId: row.connection_id,
      userId: row.user_id,
      sourceId: row.source_id,
      accessToken: this.cipher.open(row.access_token, `${row.connection_id}/access`),
      ...(row.refresh_token && { refreshToken: this.cipher.open(row.refresh_token, `${row.connection_id}/refresh`) }),
      accessExpiresAt: row.access_expires_at,
      ...(row.refresh_expires_at !== null && { refreshExpiresAt: row.refresh_expires_at }),
    };
  }
}

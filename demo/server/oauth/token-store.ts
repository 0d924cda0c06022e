import type { Db } from '../db.js';
import type { TokenSet } from './client.js';
import type { TokenCipher } from './token-cipher.js';

/**
 * The tokens behind each connection, sealed (see token-cipher.ts), and the PKCE verifier of each
 * pending authorization. Tables of their own beside the contract's, made here on first use; a
 * connection's tokens go with it (ON DELETE CASCADE). Nothing read from here leaves the server.
 */

export interface StoredTokens {
  connectionId: string;
  sourceId: string;
  accessToken: string;
  refreshToken?: string;
  accessExpiresAt: number;
  refreshExpiresAt?: number;
}

interface TokenRow {
  connection_id: string;
  source_id: string;
  access_token: string;
  refresh_token: string | null;
  access_expires_at: number;
  refresh_expires_at: number | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS oauth_tokens (
    connection_id       TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
    access_token        TEXT NOT NULL,
    refresh_token       TEXT,
    access_expires_at   INTEGER NOT NULL,
    refresh_expires_at  INTEGER,
    updated_at          INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS oauth_pkce (
    state          TEXT PRIMARY KEY,
    code_verifier  TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    created_at     INTEGER NOT NULL
  );
`;

export class TokenStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
    private readonly now: () => number,
  ) {
    db.exec(SCHEMA);
  }

  savePkce(state: string, codeVerifier: string, redirectUri: string): void {
    // Authorization states live ten minutes; their verifiers need not outlive them by much.
    this.db.prepare('DELETE FROM oauth_pkce WHERE created_at < ?').run(this.now() - 24 * 60 * 60 * 1000);
    this.db.prepare('INSERT INTO oauth_pkce (state, code_verifier, redirect_uri, created_at) VALUES (?, ?, ?, ?)').run(state, codeVerifier, redirectUri, this.now());
  }

  /** The verifier of a state, once: it is deleted as it is read. */
  takePkce(state: string): { codeVerifier: string; redirectUri: string } | undefined {
    const row = this.db.prepare('DELETE FROM oauth_pkce WHERE state = ? RETURNING code_verifier, redirect_uri').get(state) as
      | { code_verifier: string; redirect_uri: string }
      | undefined;
    return row && { codeVerifier: row.code_verifier, redirectUri: row.redirect_uri };
  }

  /** Stores a token answer; a refresh answer without a new refresh token keeps the old one. */
  save(connectionId: string, tokens: TokenSet, refreshExpiresAt: number | undefined): void {
    const sealedRefresh = tokens.refreshToken ? this.cipher.seal(tokens.refreshToken, `${connectionId}/refresh`) : null;
    this.db
      .prepare(`INSERT INTO oauth_tokens (connection_id, access_token, refresh_token, access_expires_at, refresh_expires_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id) DO UPDATE SET access_token = excluded.access_token,
          refresh_token = coalesce(excluded.refresh_token, refresh_token), access_expires_at = excluded.access_expires_at,
          refresh_expires_at = coalesce(excluded.refresh_expires_at, refresh_expires_at), updated_at = excluded.updated_at`)
      .run(connectionId, this.cipher.seal(tokens.accessToken, `${connectionId}/access`), sealedRefresh, tokens.accessExpiresAt, refreshExpiresAt ?? null, this.now());
  }

  get(connectionId: string): StoredTokens | undefined {
    const row = this.db
      .prepare('SELECT t.*, c.source_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id WHERE t.connection_id = ?')
      .get(connectionId) as TokenRow | undefined;
    return row && this.open(row);
  }

  /** Connections in working order, grant not ended, whose access token ends before `before`: what the job renews. */
  dueBefore(before: number): string[] {
    const rows = this.db
      .prepare(`SELECT t.connection_id FROM oauth_tokens t JOIN connections c ON c.id = t.connection_id
        WHERE c.status = 'active' AND t.refresh_token IS NOT NULL AND t.access_expires_at <= ?
          AND (t.refresh_expires_at IS NULL OR t.refresh_expires_at > ?) ORDER BY t.access_expires_at`)
      .all(before, this.now()) as { connection_id: string }[];
    return rows.map((row) => row.connection_id);
  }

  delete(connectionId: string): void {
    this.db.prepare('DELETE FROM oauth_tokens WHERE connection_id = ?').run(connectionId);
  }

  /** Connections with no tokens at all (the seed's, before their grants are minted). */
  connectionsWithoutTokens(): { id: string; sourceId: string; accountId: string; accountName: string; status: string; expiresAt: string | null }[] {
    return (
      this.db
        .prepare(`SELECT c.id, c.source_id, c.account_id, c.account_name, c.status, c.expires_at FROM connections c
          LEFT JOIN oauth_tokens t ON t.connection_id = c.id WHERE t.connection_id IS NULL`)
        .all() as { id: string; source_id: string; account_id: string; account_name: string; status: string; expires_at: string | null }[]
    ).map((r) => ({ id: r.id, sourceId: r.source_id, accountId: r.account_id, accountName: r.account_name, status: r.status, expiresAt: r.expires_at }));
  }

  private open(row: TokenRow): StoredTokens {
    return {
      connectionId: row.connection_id,
      sourceId: row.source_id,
      accessToken: this.cipher.open(row.access_token, `${row.connection_id}/access`),
      ...(row.refresh_token && { refreshToken: this.cipher.open(row.refresh_token, `${row.connection_id}/refresh`) }),
      accessExpiresAt: row.access_expires_at,
      ...(row.refresh_expires_at !== null && { refreshExpiresAt: row.refresh_expires_at }),
    };
  }
}

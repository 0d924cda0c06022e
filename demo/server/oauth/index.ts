import type { ConnectionStore } from '../connections.js';
import type { Sql } from '../storage/sql.js';
import { OAuthError, PlatformClient, type PlatformClientConfig } from './client.js';
import { newCodeVerifier } from './pkce.js';
import { RefreshJob } from './refresh-job.js';
import { TokenCipher } from './token-cipher.js';
import { TokenStore, newGrantId, type StoredTokens } from './token-store.js';

/** How the backend reaches the data platforms: one OAuth client registration per data source. */
export interface OAuthOptions {
  clients: Record<string, PlatformClientConfig>;
  /** AES-256 key (32 bytes) that seals tokens at rest; `previousKeys` still open older values. */
  tokenKey: Buffer;
  previousTokenKeys?: Buffer[];
  /** Renew access tokens this long before they end (default five minutes). */
  refreshAheadMs?: number;
  /** How often the refresh job looks (default one minute; 0: never by itself). */
  refreshIntervalMs?: number;
  /**
   * Called once the server listens, with the origins its callback can be reached at: where a
   * demo or a test registers the redirect URIs with its local platform. A host registers its
   * callback once, in the platform's console, and leaves this out.
   */
  register?: (origins: string[]) => Promise<void>;
  /**
   * Demo only: issues a grant for a seeded connection that never went through a sign-in, so that
   * every seeded account has real tokens to refresh and revoke. `refreshTtl` in seconds.
   */
  mintGrant?: (sourceId: string, account: { accountId: string; accountName: string }, refreshTtl: number) =>
    Promise<{ accessToken: string; refreshToken: string; expiresIn: number }>;
}

/** The OAuth side of the backend, built once by `startServer`. */
export class OAuthRuntime {
  readonly tokens: TokenStore;
  readonly job: RefreshJob;
  readonly #clients = new Map<string, PlatformClient>();

  constructor(
    readonly options: OAuthOptions,
    sql: Sql,
    connections: ConnectionStore,
    private readonly now: () => number,
    private readonly log: (message: string) => void,
  ) {
    for (const [sourceId, config] of Object.entries(options.clients)) this.#clients.set(sourceId, new PlatformClient(config, now));
    this.tokens = new TokenStore(sql, new TokenCipher(options.tokenKey, options.previousTokenKeys), now);
    this.job = new RefreshJob({
      tokens: this.tokens,
      connections,
      client: (sourceId) => this.client(sourceId),
      now,
      log,
      ...(options.refreshAheadMs !== undefined && { aheadMs: options.refreshAheadMs }),
      ...(options.refreshIntervalMs !== undefined && { intervalMs: options.refreshIntervalMs }),
    });
  }

  client(sourceId: string): PlatformClient | undefined {
    return this.#clients.get(sourceId);
  }

  /** The pop-up's URL for a new state: PKCE verifier kept here, challenge sent. */
  async authorizationUrl(sourceId: string, state: string, redirectUri: string, loginHint?: string): Promise<string | undefined> {
    const client = this.client(sourceId);
    if (!client) return undefined;
    const codeVerifier = newCodeVerifier();
    await this.tokens.savePkce(state, codeVerifier, redirectUri);
    return client.authorizationUrl({ redirectUri, state, codeVerifier, ...(loginHint && { loginHint }) });
  }

  /**
   * Demo: real grants for the seeded connections that have no tokens yet. A seeded connection in
   * error (or past its end) gets one that is revoked at once, so that its account exists at the
   * platform and its refresh token is refused there, as the seed says.
   */
  async provisionSeed(): Promise<void> {
    const mint = this.options.mintGrant;
    if (!mint) return;
    const DAY = 24 * 60 * 60 * 1000;
    for (const c of await this.tokens.connectionsWithoutTokens()) {
      const client = this.client(c.sourceId);
      if (!client) continue;
      // The seed's expiry is the grant's end; one with none lasts a year (and shows no date).
      const ends = c.expiresAt ? Date.parse(c.expiresAt) : this.now() + 365 * DAY;
      const healthy = c.status === 'active' && ends > this.now();
      const minted = await mint(c.sourceId, { accountId: c.accountId, accountName: c.accountName }, healthy ? (ends - this.now()) / 1000 : 60);
      await this.tokens.save(c.id, newGrantId(), { accessToken: minted.accessToken, refreshToken: minted.refreshToken, accessExpiresAt: this.now() + minted.expiresIn * 1000 }, ends);
      if (!healthy) await client.revoke(minted.refreshToken, 'refresh_token');
    }
  }

  /**
   * Revokes at the platform (RFC 7009) a grant a connection let go of (deleted, or given a new
   * grant), once the change committed, when no connection holds it any more: the connections of
   * one sign-in share its grant, and the others must keep working. Best effort: a platform out of
   * reach fails nothing (the change is made), and says so in one line of the log, without tokens.
   */
  async retire(sourceId: string, previous: StoredTokens | undefined): Promise<void> {
    const client = this.client(sourceId);
    if (!previous || !client) return;
    try {
      if (await this.tokens.holds(previous.grantId)) return;
      const { accessToken, refreshToken } = previous;
      await client.revoke(refreshToken ?? accessToken, refreshToken ? 'refresh_token' : 'access_token');
    } catch (error) {
      this.log(`[oauth] the grant of ${previous.connectionId} (${sourceId}) could not be revoked at the platform (${error instanceof OAuthError ? error.error : 'error'}); it stays valid there until it ends`);
    }
  }

  /**
   * Demo control: revokes the connection's grant at the authorization server (RFC 7009), then
   * renews at once, so the platform's `invalid_grant` shows as it would at the next round, on
   * every connection of that grant.
   */
  async revokeAtPlatform(sourceId: string, connectionId: string): Promise<boolean> {
    const stored = await this.tokens.get(connectionId);
    const client = this.client(sourceId);
    if (!stored || !client) return false;
    await client.revoke(stored.refreshToken ?? stored.accessToken, stored.refreshToken ? 'refresh_token' : 'access_token');
    await this.job.renew(connectionId);
    return true;
  }

  /**
   * Before a data update: asks the platform API with the connection's access token, as the
   * update itself would. A token the platform refuses is renewed; a grant it has revoked turns
   * the connection to Error here, and the update is then refused as for any connection in error.
   * A platform out of reach stops nothing: the demo's update is a date, not a download.
   */
  async checkAccess(sourceId: string, connectionId: string): Promise<void> {
    const client = this.client(sourceId);
    let stored;
    try {
      stored = await this.tokens.get(connectionId);
    } catch {
      return;
    }
    if (!client || !stored) return;
    try {
      await client.accounts(stored.accessToken);
    } catch (error) {
      if (error instanceof OAuthError && error.error === 'invalid_token') await this.job.renew(connectionId);
    }
  }

  close(): Promise<void> {
    return this.job.stop();
  }
}

export { OAuthError, PlatformClient } from './client.js';
export { REVOKED } from './refresh-job.js';

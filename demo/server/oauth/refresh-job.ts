import type { ConnectionStore } from '../connections.js';
import { OAuthError, type PlatformClient } from './client.js';
import type { TokenStore } from './token-store.js';

/** What a connection shows when its platform refuses its refresh token (RFC 6749 `invalid_grant`). */
export const REVOKED = {
  code: 'invalid_grant',
  message: 'The credentials were changed or revoked. Re-connect to restore data updates.',
};

export interface RefreshJobOptions {
  tokens: TokenStore;
  connections: ConnectionStore;
  client: (sourceId: string) => PlatformClient | undefined;
  now: () => number;
  log: (message: string) => void;
  /** Renew an access token this long before it ends (default five minutes). */
  aheadMs?: number;
  /** How often to look (default one minute); 0: only when asked (tests). */
  intervalMs?: number;
}

export type RenewResult = 'renewed' | 'revoked' | 'skipped' | 'failed';

/**
 * Renews access tokens ahead of their end, and turns what the platform answers into the
 * contract's states: `invalid_grant` (revoked, expired or replaced credentials) puts the
 * connection in error ("credentials changed or revoked"); a refresh token nearing its own end needs
 * nothing here, because the connection's `expiresAt` is that end and the widgets show Expiring
 * from it. A platform that cannot be reached changes nothing: the job tries again next round.
 */
export class RefreshJob {
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  /** One renewal per connection at a time: a rotated refresh token is good once. */
  #inFlight = new Map<string, Promise<RenewResult>>();
  #unreachableLogged = false;

  constructor(private readonly options: RefreshJobOptions) {}

  start(): void {
    const interval = this.options.intervalMs ?? 60_000;
    if (interval <= 0 || this.#timer) return;
    this.#timer = setInterval(() => void this.runOnce(), interval);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await Promise.all(this.#inFlight.values());
  }

  /** One round: every connection whose access token ends within `aheadMs`. */
  runOnce(): Promise<void> {
    // `finally` runs as a later microtask, so it clears after this assignment, never before.
    this.#running ??= (async () => {
      const due = await this.options.tokens.dueBefore(this.options.now() + (this.options.aheadMs ?? 5 * 60_000));
      for (const connectionId of due) await this.renew(connectionId);
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Renews one connection's tokens now, whatever their expiry (after a revocation, say). */
  renew(connectionId: string): Promise<RenewResult> {
    let pending = this.#inFlight.get(connectionId);
    if (!pending) {
      pending = this.#renew(connectionId).finally(() => this.#inFlight.delete(connectionId));
      this.#inFlight.set(connectionId, pending);
    }
    return pending;
  }

  async #renew(connectionId: string): Promise<RenewResult> {
    const { tokens, connections, log } = this.options;
    let stored;
    try {
      stored = await tokens.get(connectionId);
    } catch (error) {
      // A value that will not open (altered, or sealed with a key no longer configured) is as
      // good as no credentials: the person re-connects, the server says which connection, no more.
      log(`[oauth] the tokens of ${connectionId} cannot be opened: ${(error as Error).message}`);
      return 'failed';
    }
    const client = stored && this.options.client(stored.sourceId);
    if (!stored?.refreshToken || !client) return 'skipped';
    // Past the grant's end the connection already reads as expired (its `expiresAt`): the
    // platform's refusal would only say it less precisely.
    if (stored.refreshExpiresAt !== undefined && stored.refreshExpiresAt <= this.options.now()) return 'skipped';
    try {
      const renewed = await client.refresh(stored.refreshToken);
      // Deleted meanwhile: its tokens went with it, and these new ones have nowhere to go.
      if (!(await connections.findAccount(stored.userId, stored.sourceId, connectionId))) return 'skipped';
      await tokens.save(connectionId, renewed, undefined);
      this.#unreachableLogged = false;
      return 'renewed';
    } catch (error) {
      if (error instanceof OAuthError && error.error === 'invalid_grant') {
        if (await connections.findAccount(stored.userId, stored.sourceId, connectionId)) {
          await connections.fail(stored.userId, stored.sourceId, connectionId, REVOKED.code, REVOKED.message);
        }
        await tokens.delete(connectionId);
        return 'revoked';
      }
      if (!this.#unreachableLogged) {
        this.#unreachableLogged = true;
        log(`[oauth] renewing ${connectionId} failed (${error instanceof OAuthError ? error.error : 'error'}); trying again next round`);
      }
      return 'failed';
    }
  }
}

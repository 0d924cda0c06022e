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

/** Longer than a refresh can take (the client gives up after 10 s): a lease outlives its renewal. */
const LEASE_MS = 60_000;

export type RenewResult = 'renewed' | 'revoked' | 'skipped' | 'failed';

/**
 * Renews access tokens ahead of their end, and turns what the platform answers into the
 * contract's states: `invalid_grant` (revoked, expired or replaced credentials) puts every
 * connection of the grant in error ("credentials changed or revoked"); a refresh token nearing
 * its own end needs nothing here, because the connection's `expiresAt` is that end and the
 * widgets show Expiring from it. A platform that cannot be reached changes nothing: the job tries again next round.
 *
 * The unit is the grant, not the connection: the connections of one sign-in share one, whose
 * refresh token is good once (renewing it per connection would present a used one, and the
 * platform would revoke the grant). So each grant is renewed once, and its new tokens go to every
 * connection holding it (token-store.ts).
 */
export class RefreshJob {
  #timer?: NodeJS.Timeout;
  #running?: Promise<void>;
  /** One renewal per grant at a time: a rotated refresh token is good once. */
  #inFlight = new Map<string, Promise<RenewResult>>();
  #unreachableLogged = false;
  readonly #also: (() => Promise<void>)[] = [];

  constructor(private readonly options: RefreshJobOptions) {}

  /** Runs `task` at the end of each round too (other grants to look after; it must not throw). */
  also(task: () => Promise<void>): void {
    this.#also.push(task);
  }

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

  /** One round: every grant whose access token ends within `aheadMs`. */
  runOnce(): Promise<void> {
    // `finally` runs as a later microtask, so it clears after this assignment, never before.
    this.#running ??= (async () => {
      const due = await this.options.tokens.dueBefore(this.options.now() + (this.options.aheadMs ?? 5 * 60_000));
      for (const grantId of due) await this.#renewGrant(grantId);
      for (const task of this.#also) await task();
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /**
   * Renews the tokens of one connection's grant now, whatever their expiry (after a revocation,
   * say), for every connection holding it.
   */
  async renew(connectionId: string): Promise<RenewResult> {
    let stored;
    try {
      stored = await this.options.tokens.get(connectionId);
    } catch (error) {
      return this.#unopened(connectionId, error);
    }
    return stored ? this.#renewGrant(stored.grantId) : 'skipped';
  }

  #renewGrant(grantId: string): Promise<RenewResult> {
    let pending = this.#inFlight.get(grantId);
    if (!pending) {
      pending = this.#renew(grantId).finally(() => this.#inFlight.delete(grantId));
      this.#inFlight.set(grantId, pending);
    }
    return pending;
  }

  /**
   * A value that will not open (altered, or sealed with a key no longer configured) is as good
   * as no credentials: the person re-connects, the server says which connection, no more.
   */
  #unopened(connectionIds: string, error: unknown): RenewResult {
    this.options.log(`[oauth] the tokens of ${connectionIds} cannot be opened: ${(error as Error).message}`);
    return 'failed';
  }

  /**
   * Behind a load balancer every instance runs this job, and two renewing one grant at once would
   * present its refresh token twice (the platform then revokes the grant): so one renewal at a
   * time across instances, under a lease in the storage; the tokens are read once it is held,
   * and so are those another instance has just renewed.
   */
  async #renew(grantId: string): Promise<RenewResult> {
    const { tokens } = this.options;
    if (!(await tokens.lease(grantId, this.options.now() + LEASE_MS))) return 'skipped';
    try {
      return await this.#renewLeased(grantId);
    } finally {
      await tokens.release(grantId);
    }
  }

  async #renewLeased(grantId: string): Promise<RenewResult> {
    const { tokens, connections, log } = this.options;
    let stored;
    try {
      stored = await tokens.ofGrant(grantId);
    } catch (error) {
      return this.#unopened((await tokens.holders(grantId)).map((holder) => holder.connectionId).join(', '), error);
    }
    const client = stored && this.options.client(stored.sourceId);
    if (!stored?.refreshToken || !client) return 'skipped';
    // Past the grant's end the connection already reads as expired (its `expiresAt`): the
    // platform's refusal would only say it less precisely.
    if (stored.refreshExpiresAt !== undefined && stored.refreshExpiresAt <= this.options.now()) return 'skipped';
    let renewed;
    try {
      renewed = await client.refresh(stored.refreshToken);
    } catch (error) {
      if (error instanceof OAuthError && error.error === 'invalid_grant') {
        for (const holder of await tokens.holders(grantId)) {
          if (await connections.findAccount(holder.userId, holder.sourceId, holder.connectionId)) {
            await connections.fail(holder.userId, holder.sourceId, holder.connectionId, REVOKED.code, REVOKED.message);
          }
        }
        await tokens.deleteGrant(grantId);
        return 'revoked';
      }
      if (!this.#unreachableLogged) {
        this.#unreachableLogged = true;
        log(`[oauth] renewing ${stored.connectionId} failed (${error instanceof OAuthError ? error.error : 'error'}); trying again next round`);
      }
      return 'failed';
    }
    this.#unreachableLogged = false;
    if ((await tokens.saveRenewed(grantId, renewed)) > 0) return 'renewed';
    // Let go meanwhile (its last connection deleted or re-connected): the new tokens have nowhere
    // to go, and the revocation of the old ones may have come before this renewal.
    await client.revoke(renewed.refreshToken ?? renewed.accessToken, renewed.refreshToken ? 'refresh_token' : 'access_token').catch(() => {});
    return 'skipped';
  }
}

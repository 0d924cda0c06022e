import type { Authorization, AuthorizationOutcome } from '../api/types.js';
import { AuthorizationError } from './authorization-error.js';
import { watchLateOutcome } from './late.js';
import { endingFor, endingOf, isOutcomeMessage, listenOnChannel, type Ending } from './outcome.js';
import { forgetPending, markTaken, rememberPending } from './pending.js';
import { closeQuietly, isClosed } from './popup.js';
import type { AuthorizationClient, AuthorizationResult } from './types.js';

export interface FlowSettings {
  client: AuthorizationClient;
  sourceId: string;
  connectionId?: string;
  popup: Window;
  /** The endpoint, absolute. */
  endpointUrl: string;
  /** Origin the callback page's messages must come from. */
  expectedOrigin: string;
  /** Origin of the host page, sent so the callback page knows where to post. */
  pageOrigin: string;
  timeoutMs: number;
  pollIntervalMs: number;
  /** After a "closed" that may be a severed window: first and longest delay between questions. */
  latePollMs: readonly [first: number, max: number];
  /** How long past the timeout the outcome is still watched for (a user slow to sign in). */
  lateWatchMs: number;
}

/**
 * One running authorization: owns the pop-up, its listeners, timers and requests, and releases
 * all of them on whichever ending comes first.
 */
export class AuthorizationFlow {
  readonly promise: Promise<AuthorizationResult>;
  private resolve!: (result: AuthorizationResult) => void;
  private reject!: (error: unknown) => void;
  private state: string | undefined;
  private settled = false;
  private asking = false;
  /** Callers still waiting; when each of them has aborted, `abandoned` aborts. */
  private holders = 0;
  private readonly abandoned = new AbortController();
  /** Removes the callers' abort listeners; kept apart, as a late-outcome watch outlives the flow. */
  private readonly callerReleases: Array<() => void> = [];
  private readonly requests = new AbortController();
  private readonly releases: Array<() => void> = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  /** When the flow times out, in `performance.now()` time. */
  private deadline = 0;

  constructor(
    private readonly settings: FlowSettings,
    private readonly onSettled: () => void,
  ) {
    this.promise = new Promise<AuthorizationResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.abandoned.signal.addEventListener('abort', () => this.fail(new DOMException('The authorization was aborted', 'AbortError')));
    this.listen();
    this.start();
  }

  /** Adds a caller. Without a signal it can never let go, so the flow cannot be aborted. */
  join(signal?: AbortSignal): void {
    if (!signal) {
      this.holders = Infinity;
      return;
    }
    this.holders += 1;
    const onAbort = () => {
      this.holders -= 1;
      if (this.holders <= 0) this.abandoned.abort();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    this.callerReleases.push(() => signal.removeEventListener('abort', onAbort));
  }

  focus(): void {
    try {
      this.settings.popup.focus();
    } catch {
      // A severed window cannot be focused; the caller still shares the running flow.
    }
  }

  private listen(): void {
    const { popup, expectedOrigin, pollIntervalMs, timeoutMs } = this.settings;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== expectedOrigin || event.source !== popup) return;
      this.receive(event.data);
    };
    window.addEventListener('message', onMessage);
    this.releases.push(() => window.removeEventListener('message', onMessage));

    this.releases.push(listenOnChannel((data) => this.receive(data)));

    this.poll = setInterval(() => {
      if (isClosed(popup)) this.onClosed();
    }, pollIntervalMs);
    this.releases.push(() => clearInterval(this.poll));

    this.deadline = performance.now() + timeoutMs;
    const timer = setTimeout(() => this.onTimeout(), timeoutMs);
    this.releases.push(() => clearTimeout(timer));
  }

  private start(): void {
    const { client, sourceId, connectionId, pageOrigin } = this.settings;
    const body = connectionId === undefined ? { origin: pageOrigin } : { connectionId, origin: pageOrigin };
    let answer: Promise<Authorization>;
    try {
      answer = client.startAuthorization(sourceId, body, { signal: this.requests.signal });
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (authorization) => this.navigate(authorization),
      (error: unknown) => this.fail(error),
    );
  }

  private navigate({ authorizationUrl, state }: Authorization): void {
    if (this.settled) return;
    let url: URL | undefined;
    try {
      url = new URL(authorizationUrl, this.settings.endpointUrl);
    } catch {
      url = undefined;
    }
    // The pop-up is still our own about:blank: a javascript: URL would run with our origin.
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      this.fail(new AuthorizationError('failed', 'The endpoint sent an authorization URL that is not http(s)', 'invalid_authorization_url'));
      return;
    }
    this.state = state;
    // Kept for a reload of the page while the user signs in (see pending.ts).
    const { endpointUrl, sourceId, connectionId, lateWatchMs } = this.settings;
    markTaken(state);
    const expiresAt = Date.now() + (this.deadline - performance.now()) + lateWatchMs;
    rememberPending({ endpoint: endpointUrl, sourceId, ...(connectionId === undefined ? {} : { connectionId }), state, expiresAt });
    try {
      // replace: the blank page is not worth a Back step in the pop-up's history.
      this.settings.popup.location.replace(url.href);
    } catch {
      // Closed in the meantime: the poll notices and ends the flow.
    }
  }

  private receive(data: unknown): void {
    if (this.settled || this.state === undefined || !isOutcomeMessage(data, this.state)) return;
    const ending = endingOf(data);
    if (ending) this.end(ending);
  }

  private onClosed(): void {
    clearInterval(this.poll);
    // Closed by the user, or only looks closed because a COOP page cut the opener: the endpoint
    // knows which once the user is done. While it says pending, a user who closed the window must
    // hear "cancelled" at once, so the error says that and watches on for the other case.
    // Closed before navigating (no state), the window was still our own: it really was closed.
    this.ask((state) => {
      const late = state === undefined ? undefined : this.watchLate(state);
      return new AuthorizationError('cancelled', 'The authorization window was closed before it finished', undefined, late);
    });
  }

  /** Hands the callers' abort listeners over to a background watch, which removes them. */
  private watchLate(state: string, deadline = this.deadline): Promise<AuthorizationResult | undefined> {
    const callerReleases = this.callerReleases.splice(0);
    const signal = this.abandoned.signal;
    return watchLateOutcome({
      client: this.settings.client,
      state,
      deadline,
      backoffMs: this.settings.latePollMs,
      signal,
      onEnd: () => {
        for (const release of callerReleases) release();
        // Left by the widget (not ended): a later page may still pick it up.
        if (!signal.aborted) forgetPending(state);
      },
    });
  }

  /**
   * No outcome in time. The user may still be signing in (a slow second factor, say): the window
   * stays open, the widget says it took too long, and the outcome is watched for a while longer,
   * so that a sign-in finished late still ends as a connection.
   */
  private onTimeout(): void {
    const { timeoutMs, lateWatchMs } = this.settings;
    this.ask((state) => {
      const late = state === undefined ? undefined : this.watchLate(state, performance.now() + lateWatchMs);
      return new AuthorizationError('timeout', `No authorization outcome within ${timeoutMs} ms`, undefined, late);
    });
  }

  /** Asks the endpoint once for the outcome; anything but a final one ends with `otherwise`. */
  private async ask(otherwise: (state?: string) => AuthorizationError): Promise<void> {
    if (this.settled || this.asking) return;
    const state = this.state;
    if (state === undefined) {
      this.fail(otherwise());
      return;
    }
    this.asking = true;
    let outcome: AuthorizationOutcome | undefined;
    try {
      outcome = await this.settings.client.getAuthorizationOutcome(state, { signal: this.requests.signal });
    } catch {
      outcome = undefined;
    }
    this.asking = false;
    if (this.settled) return;
    this.end(endingFor(state, outcome) ?? { error: otherwise(state) });
  }

  private end(ending: Ending): void {
    if ('result' in ending) this.succeed(ending.result);
    else this.fail(ending.error);
  }

  private succeed(result: AuthorizationResult): void {
    if (this.state !== undefined) forgetPending(this.state);
    if (this.release()) this.resolve(result);
  }

  private fail(error: unknown): void {
    const watched = error instanceof AuthorizationError && error.late !== undefined;
    // A final answer ends the flow for good; one still watched for ends with its watch.
    if (!watched && this.state !== undefined && !(error instanceof DOMException)) forgetPending(this.state);
    const stillSigningIn = error instanceof AuthorizationError && error.reason === 'timeout' && watched;
    if (this.release(!stillSigningIn)) this.reject(error);
  }

  /** Returns false when the flow had already ended. */
  private release(closeWindow = true): boolean {
    if (this.settled) return false;
    this.settled = true;
    for (const release of [...this.releases.splice(0), ...this.callerReleases.splice(0)]) release();
    this.requests.abort();
    if (closeWindow) closeQuietly(this.settings.popup);
    this.onSettled();
    return true;
  }
}

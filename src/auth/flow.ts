import type { ApiClient } from '../api/client.js';
import { AuthorizationError } from '../api/errors.js';
import type { Authorization, AuthorizationOutcome } from '../api/types.js';
import { endingOf, isOutcomeMessage, MESSAGE_TYPE, type AuthorizationResult, type Ending } from './outcome.js';
import { closeQuietly, isClosed } from './popup.js';

/** The part of the API client the flow needs. */
export type AuthorizationClient = Pick<ApiClient, 'startAuthorization' | 'getAuthorizationOutcome' | 'endpoint'>;

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
  /** Callers still waiting; when each of them has aborted, the flow aborts. */
  private holders = 0;
  private readonly requests = new AbortController();
  private readonly releases: Array<() => void> = [];
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly settings: FlowSettings,
    private readonly onSettled: () => void,
  ) {
    this.promise = new Promise<AuthorizationResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
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
      if (this.holders <= 0) this.fail(new DOMException('The authorization was aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    this.releases.push(() => signal.removeEventListener('abort', onAbort));
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

    // The callback page also posts here, for when it is same-origin with the host but the
    // opener link was cut; BroadcastChannel has no origin to check, the state check suffices.
    if (typeof BroadcastChannel === 'function') {
      try {
        const channel = new BroadcastChannel(MESSAGE_TYPE);
        channel.onmessage = (event: MessageEvent) => this.receive(event.data);
        this.releases.push(() => channel.close());
      } catch {
        // Opaque origins (sandboxed frames) may refuse; postMessage and the fallback remain.
      }
    }

    this.poll = setInterval(() => {
      if (isClosed(popup)) this.onClosed();
    }, pollIntervalMs);
    this.releases.push(() => clearInterval(this.poll));

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
    // knows which.
    this.ask(() => new AuthorizationError('cancelled', 'The authorization window was closed before it finished'));
  }

  private onTimeout(): void {
    const { timeoutMs } = this.settings;
    this.ask(() => new AuthorizationError('timeout', `No authorization outcome within ${timeoutMs} ms`));
  }

  /** Asks the endpoint once for the outcome; anything but a final one ends with `otherwise`. */
  private async ask(otherwise: () => AuthorizationError): Promise<void> {
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
    const ending = outcome?.state === state ? endingOf(outcome) : undefined;
    this.end(ending ?? { error: otherwise() });
  }

  private end(ending: Ending): void {
    if ('result' in ending) this.succeed(ending.result);
    else this.fail(ending.error);
  }

  private succeed(result: AuthorizationResult): void {
    if (this.release()) this.resolve(result);
  }

  private fail(error: unknown): void {
    if (this.release()) this.reject(error);
  }

  /** Returns false when the flow had already ended. */
  private release(): boolean {
    if (this.settled) return false;
    this.settled = true;
    for (const release of this.releases.splice(0)) release();
    this.requests.abort();
    closeQuietly(this.settings.popup);
    this.onSettled();
    return true;
  }
}

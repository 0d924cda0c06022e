import { AuthorizationError } from './authorization-error.js';
import { AuthorizationFlow } from './flow.js';
import { watchLateOutcome } from './late.js';
import { forgetPending } from './pending.js';
import type { AuthorizationClient, AuthorizationResult } from './types.js';
import { defaultOpen, popupFeatures, uniqueWindowName, type OpenWindow } from './popup.js';

export interface AuthorizationTarget {
  client: AuthorizationClient;
  sourceId: string;
  /** Set to re-connect (re-authorize) an existing connection. */
  connectionId?: string;
}

export interface AuthorizeOptions extends AuthorizationTarget {
  /** Aborting closes the pop-up and rejects with an AbortError DOMException. */
  signal?: AbortSignal;
  /** Origin the callback page posts from. Default: the origin of `client.endpoint`. */
  expectedOrigin?: string;
  /** Default: `window.open`. */
  open?: OpenWindow;
  /** Default: a unique name per flow. */
  windowName?: string;
  /** Pop-up size in CSS pixels, centred on the current window. Default 600 × 700. */
  width?: number;
  height?: number;
  /** How often to check whether the user closed the pop-up. Default 500 ms. */
  pollIntervalMs?: number;
  /** When to give up waiting for an outcome. Default 5 minutes. */
  timeoutMs?: number;
  /**
   * How often to keep asking the endpoint after a cancelled-by-closing that may be a severed
   * window (see `AuthorizationError.late`): the first delay, growing to the second. Default 1 s to 5 s.
   */
  latePollMs?: readonly [first: number, max: number];
  /** How long past `timeoutMs` a late outcome is still watched for. Default 10 minutes. */
  lateWatchMs?: number;
}

// One flow per (endpoint, source, connection), so widgets showing the same thing share it.
const flows = new Map<string, AuthorizationFlow>();

function endpointUrl(client: AuthorizationClient): URL {
  return new URL(client.endpoint, document.baseURI);
}

function keyOf(endpoint: URL, sourceId: string, connectionId: string | undefined): string {
  return JSON.stringify([endpoint.href, sourceId, connectionId ?? null]);
}

/** The promise of the flow running for `target`, if one is: `authorize` would join it. */
export function pendingAuthorization(target: AuthorizationTarget): Promise<AuthorizationResult> | undefined {
  const { client, sourceId, connectionId } = target;
  return flows.get(keyOf(endpointUrl(client), sourceId, connectionId))?.promise;
}

/**
 * Connects (or re-connects) an account in a pop-up. Call it synchronously from the click
 * handler: the window is opened before anything is awaited, or browsers block it.
 *
 * When a flow for the same endpoint, source and connection is already running, no window is
 * opened: that one is focused and its promise returned (the same object).
 *
 * When the window reads as closed, the endpoint is asked once; if it still says pending (or cannot
 * be reached) the promise rejects at once with `AuthorizationError('cancelled')` whose `late`
 * keeps watching in the background: a sign-in page sending Cross-Origin-Opener-Policy severs the
 * window, which then reads as closed while the user is still signing in. `late` resolves with the
 * result if the endpoint (or the callback page's channel) later says completed, and with
 * `undefined` when it says failed, at `timeoutMs` from the start, or once `signal` aborts. The flow
 * is no longer pending meanwhile: another call opens a new window.
 */
export function authorize(options: AuthorizeOptions): Promise<AuthorizationResult> {
  const { client, sourceId, connectionId, signal } = options;
  if (signal?.aborted) return Promise.reject(new DOMException('The authorization was aborted', 'AbortError'));

  const endpoint = endpointUrl(client);
  const key = keyOf(endpoint, sourceId, connectionId);
  const running = flows.get(key);
  if (running) {
    running.join(signal);
    running.focus();
    return running.promise;
  }

  // Worked out before opening, so a bad option cannot throw with a window left open.
  const expectedOrigin = new URL(options.expectedOrigin ?? endpoint.href).origin;
  const open = options.open ?? defaultOpen;
  const features = popupFeatures(options.width ?? 600, options.height ?? 700);
  let popup: Window | null;
  try {
    popup = open('about:blank', options.windowName ?? uniqueWindowName(), features);
  } catch {
    // Some sandboxed frames throw instead of returning null.
    popup = null;
  }
  if (!popup) {
    return Promise.reject(new AuthorizationError('blocked', 'The browser blocked the authorization window'));
  }

  const flow = new AuthorizationFlow(
    {
      client,
      sourceId,
      connectionId,
      popup,
      endpointUrl: endpoint.href,
      expectedOrigin,
      pageOrigin: location.origin,
      timeoutMs: options.timeoutMs ?? 5 * 60_000,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      latePollMs: options.latePollMs ?? [1000, 5000],
      lateWatchMs: options.lateWatchMs ?? 10 * 60_000,
    },
    () => flows.delete(key),
  );
  flows.set(key, flow);
  flow.join(signal);
  return flow.promise;
}

/**
 * Watches the outcome of a sign-in an earlier page of this tab started (a reload while the pop-up
 * was open; see pending.ts) until it ends or its time is up: resolves with the result once the
 * endpoint or the callback page's channel says completed, else with `undefined`.
 */
export function resumeAuthorization(options: {
  client: AuthorizationClient;
  state: string;
  /** When to give up (epoch ms). */
  expiresAt: number;
  signal: AbortSignal;
  latePollMs?: readonly [first: number, max: number];
}): Promise<AuthorizationResult | undefined> {
  const { client, state, signal } = options;
  return watchLateOutcome({
    client,
    state,
    deadline: performance.now() + Math.max(0, options.expiresAt - Date.now()),
    backoffMs: options.latePollMs ?? [1000, 5000],
    signal,
    onEnd: () => {
      if (!signal.aborted) forgetPending(state);
    },
  });
}

import { authorizeInClick, isAuthorizing } from '../auth/lazy.js';
import type { AuthorizationResult } from '../auth/types.js';
import { ConnectRequestEvent } from '../events/connect-request.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { SourceHost } from './source-controller.js';

/** A sign-in started by a click, for the code that follows it to its end. */
export interface StartedAuthorization {
  store: ConnectionStore;
  sourceId: string;
  connectionId?: string;
  flow: Promise<AuthorizationResult>;
  /** The source's connections when the user clicked: what the outcome adds or re-connects. */
  known: Set<string>;
}

/**
 * What a Connect or Re-connect click must do inside the click: the cancelable
 * `dsw-connect-request`, then the pop-up (a browser opens one only in the user's gesture).
 * Small, so that a page that never connects anything does not load the rest of the write path.
 * Undefined when nothing started, or when another click's pop-up was only brought to the front
 * (whoever opened it reports the outcome).
 */
export function startAuthorization(
  host: SourceHost,
  store: ConnectionStore | undefined,
  connectionId: string | undefined,
  signal: AbortSignal,
): StartedAuthorization | undefined {
  const sourceId = host.source;
  if (!store || !sourceId) return undefined;
  if (!host.dispatchEvent(new ConnectRequestEvent({ sourceId, connectionId }))) return undefined;
  const target = { client: store.client, sourceId, connectionId };
  const joined = isAuthorizing(target);
  const timeoutMs = host.authorizationTimeoutMs ?? store.authorizationTimeoutMs;
  const flow = authorizeInClick({ ...target, signal, timeoutMs });
  // Its outcome is read once the code that follows it arrives (a blocked pop-up fails at once),
  // or by the click that opened the pop-up: never an unhandled rejection meanwhile.
  flow.catch(() => {});
  if (joined) return undefined;
  return { store, sourceId, connectionId, flow, known: new Set(store.get(sourceId).connections.map((c) => c.id)) };
}

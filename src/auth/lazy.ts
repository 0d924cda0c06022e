import { NetworkError } from '../api/errors.js';
import { AuthorizationError } from './authorization-error.js';
import type { AuthorizationTarget } from './authorize.js';
import { defaultOpen, popupFeatures, uniqueWindowName } from './popup.js';
import type { AuthorizationResult } from './types.js';

type AuthorizeModule = typeof import('./authorize.js');

let loaded: AuthorizeModule | undefined;
let loading: Promise<AuthorizeModule> | undefined;
/** Windows opened before the flow's code arrived, by target: a second click focuses them. */
const opening = new Map<string, { popup: Window; promise: Promise<AuthorizationResult> }>();

const keyOf = ({ client, sourceId, connectionId }: AuthorizationTarget) =>
  JSON.stringify([client.endpoint, sourceId, connectionId ?? null]);

/**
 * Loads the authorization flow (most visits never connect anything, so the widgets do not load
 * it up front). Call it when a user points at or focuses a button that will need it.
 */
export function loadAuthorization(): Promise<AuthorizeModule> {
  return (loading ??= import('./authorize.js').then((module) => (loaded = module)));
}

/** Whether a flow for `target` is running (or its window is open while its code loads). */
export function isAuthorizing(target: AuthorizationTarget): boolean {
  return opening.has(keyOf(target)) || loaded?.pendingAuthorization(target) !== undefined;
}

/**
 * `authorize()` for the widgets, before or after its code has loaded. Call it synchronously in
 * the click handler. Browsers allow a pop-up only inside the user's gesture, so when the flow's
 * code is not there yet, the window is opened now (blank) and handed to the flow once it is.
 */
export function authorizeInClick(target: AuthorizationTarget & { signal: AbortSignal; timeoutMs?: number }): Promise<AuthorizationResult> {
  if (loaded) return loaded.authorize(target);
  const key = keyOf(target);
  const waiting = opening.get(key);
  if (waiting) {
    waiting.popup.focus();
    return waiting.promise;
  }
  let popup: Window | null;
  try {
    popup = defaultOpen('about:blank', uniqueWindowName(), popupFeatures(600, 700));
  } catch {
    popup = null;
  }
  if (!popup) return Promise.reject(new AuthorizationError('blocked', 'The browser blocked the authorization window'));
  const window = popup;
  const promise = loadAuthorization().then(
    (module) => {
      opening.delete(key);
      // Aborted meanwhile (the widget left the page): authorize() would reject without the window.
      if (target.signal.aborted) window.close();
      return module.authorize({ ...target, open: () => window });
    },
    () => {
      opening.delete(key);
      loading = undefined;
      // The flow's code did not arrive (offline, say): a blank window would stay open for nothing.
      window.close();
      throw new NetworkError('The sign-in could not start: its code did not load');
    },
  );
  opening.set(key, { popup: window, promise });
  return promise;
}

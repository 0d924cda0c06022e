import type { AuthorizationOutcome } from '../api/types.js';
import { endingFor, endingOf, isOutcomeMessage, listenOnChannel, type Ending } from './outcome.js';
import type { AuthorizationClient, AuthorizationResult } from './types.js';

export interface LateSettings {
  client: AuthorizationClient;
  state: string;
  /** When to give up, in `performance.now()` time: the flow's own deadline. */
  deadline: number;
  /** Delay before the first question, and the most the delay grows to. */
  backoffMs: readonly [first: number, max: number];
  /** Stops the watch: aborted once every caller of the flow has let go. */
  signal: AbortSignal;
  /** Runs once, whichever way the watch ends. */
  onEnd(): void;
}

/**
 * Keeps watching `state` after its window read as closed while the endpoint still said pending:
 * the user closed it, or a sign-in page sending Cross-Origin-Opener-Policy only severed it and
 * the user is still signing in. Asks the endpoint with a backoff and listens on the channel.
 *
 * Resolves with the result once completed; with `undefined` once failed, at the deadline or on
 * abort. It never rejects: a caller that ignores it must not get an unhandled rejection.
 */
export function watchLateOutcome(settings: LateSettings): Promise<AuthorizationResult | undefined> {
  const { client, state, signal, onEnd } = settings;
  const [first, max] = settings.backoffMs;
  return new Promise((resolve) => {
    const requests = new AbortController();
    const stopListening = listenOnChannel((data) => {
      if (isOutcomeMessage(data, state)) take(endingOf(data));
    });
    const deadline = setTimeout(() => finish(undefined), Math.max(0, settings.deadline - performance.now()));
    let next = askAfter(first);
    const onAbort = () => finish(undefined);
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) onAbort();

    function askAfter(delay: number): ReturnType<typeof setTimeout> {
      return setTimeout(async () => {
        let outcome: AuthorizationOutcome | undefined;
        try {
          outcome = await client.getAuthorizationOutcome(state, { signal: requests.signal });
        } catch {
          // Offline for a moment, say: the next question may get through.
        }
        if (requests.signal.aborted) return;
        const ending = endingFor(state, outcome);
        if (ending) take(ending);
        // Gently: for a user who really closed the window this runs until the deadline.
        else next = askAfter(Math.min(delay * 1.5, max));
      }, delay);
    }

    function take(ending: Ending | undefined): void {
      if (ending) finish('result' in ending ? ending.result : undefined);
    }

    function finish(result: AuthorizationResult | undefined): void {
      if (requests.signal.aborted) return;
      requests.abort();
      clearTimeout(next);
      clearTimeout(deadline);
      stopListening();
      signal.removeEventListener('abort', onAbort);
      onEnd();
      resolve(result);
    }
  });
}

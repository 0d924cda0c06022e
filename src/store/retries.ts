import { HttpError, NetworkError, TimeoutError } from '../api/errors.js';

/**
 * When the store tries a failed load again by itself. The client already retried quick faults
 * quietly (at most 3 more requests, within about 2 s); what is left is a fault that lasts, so
 * the next tries are spaced out and shown ("Retrying in 40 s…", with Retry now): after 5 s,
 * 15 s, 45 s, then every minute. Within any minute a failing source gets at most 3 loads, so
 * at most 12 requests (each load being 1 request and up to 3 quick retries).
 */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 45_000, 60_000];

/** A load in flight longer than this is shown as slow, with a way to try again. */
export const SLOW_MS = 3_000;

/** The longest wait the store schedules, whatever a Retry-After asks. */
const MAX_DELAY_MS = 15 * 60_000;

/** Ms until the next automatic try after `error` (the `attempt`-th in a row), or undefined for none. */
export function retryDelay(error: unknown, attempt: number, delays: readonly number[] = RETRY_DELAYS_MS): number | undefined {
  const lasting =
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof HttpError && (error.status === 429 || error.status >= 500));
  // A 401, a 404 or a malformed answer will not mend by waiting: Retry is the user's.
  if (!lasting || delays.length === 0) return undefined;
  const planned = delays[Math.min(attempt, delays.length - 1)]!;
  // The endpoint may ask for longer (Retry-After); never sooner than planned.
  const asked = error instanceof HttpError ? (error.retryAfterMs ?? 0) : 0;
  return Math.min(Math.max(planned, asked), MAX_DELAY_MS);
}

/** Waiting helpers of the client: backoff, Retry-After, and making any promise abortable. */

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts. Guards
 * against a host's `fetch` or `sleep` that ignores the signal it was given.
 */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    // Both handlers are attached, so a late rejection after an abort is never "unhandled".
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Exponential backoff capped at `capMs`, with "equal jitter": half the delay is fixed so tries
 * stay spaced, the other half is random so many widgets failing together do not retry in step.
 */
export function backoffDelay(tries: number, baseMs: number, capMs: number, random: () => number): number {
  const delay = Math.min(capMs, baseMs * 2 ** tries);
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** `Retry-After` as ms from now: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  // Checked first: Date.parse reads some bare numbers as dates.
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

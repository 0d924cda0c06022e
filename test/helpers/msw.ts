// One msw worker per test file, started once. Every request to a mocked endpoint (by convention
// under /api/, or on another origin) is recorded, so a test can count what reached "the network".
import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';

export const worker = setupWorker();

/** Requests seen since the last `resetMsw()`, as "METHOD /path?query". */
export const requests: string[] = [];

let started: Promise<unknown> | undefined;

worker.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  if (url.origin === location.origin && !url.pathname.startsWith('/api/')) return;
  requests.push(`${request.method} ${url.pathname}${url.search}`);
});

/**
 * Drops the registration an earlier test file left: msw would call `update()` on it without
 * awaiting, and that fails, uncaught, when the earlier page's teardown removes it meanwhile.
 */
async function fresh(): Promise<void> {
  for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
}

/** Starts the worker (once) and replaces the handlers with `handlers`. */
export async function useHandlers(...handlers: RequestHandler[]): Promise<void> {
  started ??= fresh().then(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  await started;
  worker.resetHandlers(...handlers);
  requests.length = 0;
}

/** The requests seen whose "METHOD /path" starts with `prefix`. */
export function requestsTo(prefix: string): string[] {
  return requests.filter((line) => line.startsWith(prefix));
}

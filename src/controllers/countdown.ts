import type { ReactiveControllerHost } from 'lit';

/** Widgets showing a countdown: one timer for the page re-renders them once a second. */
const counting = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Re-renders `host` every second while `on` (it shows a countdown), with the other widgets that do;
 * the timer stops when none does. Its `SourceController` calls it after each update.
 */
export function count(host: ReactiveControllerHost, on: boolean): void {
  if (on) counting.add(host);
  else counting.delete(host);
  if (counting.size > 0 && !timer) timer = setInterval(() => counting.forEach((h) => h.requestUpdate()), 1000);
  if (counting.size === 0 && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Whole seconds until the moment `at` (epoch ms), at least 1; undefined without one. */
export function secondsUntil(at: number | undefined): number | undefined {
  return at === undefined ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

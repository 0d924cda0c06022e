/**
 * Starts loading the code a button needs as soon as the user points at it or focuses it, so
 * that the click finds it there: the pop-up flow and the settings dialog do not load with the
 * page. Buttons name what they need in `data-prefetch`; one pair of listeners on the document
 * serves every widget (the events are composed, so they come out of the shadow roots).
 */
import { isServer } from 'lit';

const loaders = new Map<string, () => Promise<unknown>>();
let listening = false;

/** Loads with `loader` what buttons marked `data-prefetch="<name>"` need; call it when a widget is created. */
export function prefetchOnIntent(name: string, loader: () => Promise<unknown>): void {
  loaders.set(name, loader);
  // A server renders no button anyone points at.
  if (listening || isServer) return;
  listening = true;
  document.addEventListener('pointerover', onIntent, { passive: true });
  document.addEventListener('focusin', onIntent);
}

function onIntent(event: Event): void {
  const target = event.composedPath()[0];
  const name = target instanceof Element ? target.closest<HTMLElement>('[data-prefetch]')?.dataset.prefetch : undefined;
  // A failed load is tried again, and reported, by the click.
  if (name) loaders.get(name)?.().catch(() => {});
}

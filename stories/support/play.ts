// Helpers for play functions, in plain DOM and timers: the story test runs the play functions
// too, outside Storybook, so they cannot rely on Storybook's test instrumentation.
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';

/** Polls every 20 ms until `find` returns something, or fails after `timeout` ms saying `what`. */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first element in `host`'s shadow root carrying the part `name`. */
export function part(host: Element | null | undefined, name: string): HTMLElement | null {
  return host?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

/** Waits for `host`'s part `name` to be rendered and clicks it, as a user would. */
export async function clickPart(canvas: HTMLElement, tag: string, name: string): Promise<HTMLElement> {
  const button = await waitFor(() => part(canvas.querySelector(tag), name), `${tag}::part(${name})`);
  button.click();
  return button;
}

/**
 * Once `tag` shows `loadedPart`, loads its data source again through the provider, as window
 * focus or another widget's change would, and waits for the quiet `stale` note the failure of
 * that reload leaves (the story's endpoint fails reloads).
 */
export async function failedReload(canvas: HTMLElement, tag: string, loadedPart: string): Promise<void> {
  const provider = canvas.querySelector<DataSourceProvider>('data-source-provider')!;
  const widget = canvas.querySelector(tag)!;
  await waitFor(() => part(widget, loadedPart), `${tag} loaded`);
  // The widget shows the failure; the promise's rejection is the store caller's to handle.
  await provider.store!.load(widget.getAttribute('source')!, { force: true })?.catch(() => {});
  await waitFor(() => part(widget, 'stale'), 'the stale note');
}

// Helpers for play functions, in plain DOM and timers: the story test runs the play functions
// too, outside Storybook, so they cannot rely on Storybook's test instrumentation.

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

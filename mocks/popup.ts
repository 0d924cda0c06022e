// A stand-in for the provider's pop-up window: `window.open` is replaced by a function that
// returns a same-origin iframe's window (a real Window, so `event.source` checks hold), and
// the test decides when the "callback page" posts its outcome.

export interface FakePopup {
  /** Calls to window.open, in order. */
  opened: { url: string; name: string }[];
  /** The last window handed out. */
  window?: Window;
  /** Posts the callback message from the pop-up to this page, as the callback page does. */
  post(data: unknown, origin?: string): void;
  /** Simulates the user closing the pop-up. */
  close(): void;
  restore(): void;
}

export function installFakePopup({ blocked = false } = {}): FakePopup {
  const original = window.open;
  let frame: HTMLIFrameElement | undefined;
  const popup: FakePopup = {
    opened: [],
    post(data, origin = location.origin) {
      if (!popup.window) throw new Error('No pop-up is open');
      window.dispatchEvent(new MessageEvent('message', { data, origin, source: popup.window }));
    },
    close() {
      frame?.remove();
    },
    restore() {
      window.open = original;
      frame?.remove();
    },
  };
  window.open = ((url: string | URL = '', name = '') => {
    popup.opened.push({ url: String(url), name });
    if (blocked) return null;
    frame?.remove();
    frame = document.createElement('iframe');
    frame.hidden = true;
    document.body.append(frame);
    popup.window = frame.contentWindow!;
    return popup.window;
  }) as typeof window.open;
  return popup;
}

/**
 * Resolves with the `state` the endpoint issued, once the flow has sent the pop-up to the
 * provider with it (the flow listens for that state from then on).
 */
export async function providerState(popup: FakePopup, timeout = 5000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    let state: string | null = null;
    try {
      state = new URL(popup.window!.location.href).searchParams.get('state');
    } catch {
      state = null;
    }
    if (state) return state;
    if (Date.now() > end) throw new Error('The pop-up was never sent to the provider');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

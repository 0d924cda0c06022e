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

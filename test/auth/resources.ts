// Counts what is still alive of the timers, `message` listeners, BroadcastChannels and abort
// listeners created while installed, by wrapping the globals the flow looks up at call time.

export interface Resources {
  intervals: Map<number, number>;
  timeouts: Map<number, number>;
  messageListeners: Set<unknown>;
  channels: Set<BroadcastChannel>;
  abortListeners: Set<unknown>;
  /** Delays of every timer and interval created, in order. */
  delays: { interval: number[]; timeout: number[] };
}

export interface Tracker {
  live: Resources;
  /** How many resources are still alive, by kind; all zero once a flow has ended. */
  counts(): Record<'intervals' | 'timeouts' | 'messageListeners' | 'channels' | 'abortListeners', number>;
  /** An AbortController whose signal's abort listeners are tracked. */
  controller(): AbortController;
  restore(): void;
}

type Handler = (...args: unknown[]) => void;
type StartTimer = (handler: Handler, ms?: number, ...args: unknown[]) => number;
type StopTimer = (id?: number) => void;

export function trackResources(): Tracker {
  const live: Resources = {
    intervals: new Map(),
    timeouts: new Map(),
    messageListeners: new Set(),
    channels: new Set(),
    abortListeners: new Set(),
    delays: { interval: [], timeout: [] },
  };
  const original = {
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    addEventListener: window.addEventListener,
    removeEventListener: window.removeEventListener,
    BroadcastChannel: window.BroadcastChannel,
  };
  // The DOM's own signatures, not Node's (whose timers return objects).
  const timers = {
    setInterval: original.setInterval.bind(window) as unknown as StartTimer,
    clearInterval: original.clearInterval.bind(window) as unknown as StopTimer,
    setTimeout: original.setTimeout.bind(window) as unknown as StartTimer,
    clearTimeout: original.clearTimeout.bind(window) as unknown as StopTimer,
  };

  window.setInterval = ((handler: Handler, ms = 0, ...args: unknown[]) => {
    const id = timers.setInterval(handler, ms, ...args);
    live.intervals.set(id, ms);
    live.delays.interval.push(ms);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    timers.clearInterval(id);
  }) as typeof window.clearInterval;
  window.setTimeout = ((handler: Handler, ms = 0, ...args: unknown[]) => {
    const id = timers.setTimeout(
      (...fired: unknown[]) => {
        live.timeouts.delete(id);
        handler(...fired);
      },
      ms,
      ...args,
    );
    live.timeouts.set(id, ms);
    live.delays.timeout.push(ms);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.timeouts.delete(id);
    timers.clearTimeout(id);
  }) as typeof window.clearTimeout;

  window.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
    if (type === 'message') live.messageListeners.add(listener);
    original.addEventListener.call(window, type, listener, options as AddEventListenerOptions);
  }) as typeof window.addEventListener;
  window.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
    if (type === 'message') live.messageListeners.delete(listener);
    original.removeEventListener.call(window, type, listener, options as EventListenerOptions);
  }) as typeof window.removeEventListener;

  window.BroadcastChannel = class extends original.BroadcastChannel {
    constructor(name: string) {
      super(name);
      live.channels.add(this);
    }
    override close() {
      live.channels.delete(this);
      super.close();
    }
  };

  return {
    live,
    counts: () => ({
      intervals: live.intervals.size,
      timeouts: live.timeouts.size,
      messageListeners: live.messageListeners.size,
      channels: live.channels.size,
      abortListeners: live.abortListeners.size,
    }),
    controller() {
      const controller = new AbortController();
      const { signal } = controller;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
        if (type === 'abort') live.abortListeners.add(listener);
        add(type, listener, options as AddEventListenerOptions);
      }) as typeof signal.addEventListener;
      signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
        if (type === 'abort') live.abortListeners.delete(listener);
        remove(type, listener, options as EventListenerOptions);
      }) as typeof signal.removeEventListener;
      return controller;
    },
    restore() {
      Object.assign(window, original);
    },
  };
}

export const NOTHING_LEFT = { intervals: 0, timeouts: 0, messageListeners: 0, channels: 0, abortListeners: 0 };

/**
 * Installs a tracker around every test of the calling suite and checks, after each one, that
 * the flow left nothing behind, whichever way it ended.
 */
export function releasedAfterEachTest(cleanup: () => void): { tracker: () => Tracker } {
  let current: Tracker | undefined;
  beforeEach(() => {
    current = trackResources();
  });
  afterEach(function (this: Mocha.Context) {
    const tracker = current!;
    current = undefined;
    try {
      // A failed test may leave its flow running; reporting that too would only add noise.
      if (this.currentTest?.state === 'passed') assertReleased(tracker);
    } finally {
      tracker.restore();
      cleanup();
    }
  });
  return { tracker: () => current! };
}

export function assertReleased(tracker: Tracker): void {
  const left = Object.entries(tracker.counts()).filter(([, count]) => count > 0);
  if (left.length > 0) throw new Error(`left behind: ${left.map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Widgets showing a countdown: one timer for the page re-renders them once a second. */
const counting = new Set<ReactiveControllerHost>();
let timer: ReturnType<typeof setInterval> | undefined;

function count(host: ReactiveControllerHost, on: boolean): void {
  if (on) counting.add(host);
  else counting.delete(host);
  if (counting.size > 0 && !timer) timer = setInterval(() => counting.forEach((h) => h.requestUpdate()), 1000);
  if (counting.size === 0 && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}

/** Counts down to a moment (the store's next automatic try), re-rendering its widget every second. */
export class CountdownController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    /** The moment counted down to (epoch ms), or undefined when there is none. */
    private readonly until: () => number | undefined,
  ) {
    host.addController(this);
  }

  /** Whole seconds left, or undefined when nothing is counted down. */
  get seconds(): number | undefined {
    const at = this.until();
    return at === undefined ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }

  hostUpdated(): void {
    count(this.host, (this.until() ?? 0) > Date.now());
  }

  hostDisconnected(): void {
    count(this.host, false);
  }
}

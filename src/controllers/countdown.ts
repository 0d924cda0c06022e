import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SourceController } from './source-controller.js';

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

/** Counts down to the store's next automatic try of the widget's source, re-rendering the widget every second. */
export class CountdownController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    /** Its state's `retryAt` is the moment counted down to (epoch ms), when there is one. */
    private readonly data: SourceController,
  ) {
    host.addController(this);
  }

  /** Whole seconds left, or undefined when nothing is counted down. */
  get seconds(): number | undefined {
    const at = this.data.state.retryAt;
    return at === undefined ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000));
  }

  hostUpdated(): void {
    count(this.host, (this.data.state.retryAt ?? 0) > Date.now());
  }

  hostDisconnected(): void {
    count(this.host, false);
  }
}

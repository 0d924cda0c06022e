import type { ReactiveControllerHost } from 'lit';
import { isAbortError } from '../api/errors.js';

/**
 * One request at a time for a list a view shows (the links, the history): a new one aborts the
 * one before, `loading` holds while the newest runs, and the host renders when it starts and ends.
 */
export class LatestRequest {
  loading = false;
  private controller?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Sends `request`; `apply` gets its answer, `fail` its error (never an abort: a newer one runs, or the widget left). */
  async run<T>(request: (signal: AbortSignal) => Promise<T>, apply: (answer: T) => void, fail: (error: unknown) => void): Promise<void> {
    this.abort();
    const controller = (this.controller = new AbortController());
    this.loading = true;
    this.host.requestUpdate();
    try {
      apply(await request(controller.signal));
    } catch (error) {
      if (!isAbortError(error)) fail(error);
    } finally {
      if (this.controller === controller) this.loading = false;
      this.host.requestUpdate();
    }
  }

  abort(): void {
    this.controller?.abort();
  }
}

import { ContextEvent } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DswError } from '../api/errors.js';
import { ConnectionStore } from '../store/connection-store.js';
import { sharedStore } from '../store/shared-stores.js';
import { idleState, type SourceState } from '../store/source-state.js';
import { DswErrorEvent } from '../events/error.js';
import { count, secondsUntil } from './countdown.js';
import { providedContext, type Provided } from '../context/keys.js';

/** What every widget exposes to the controller. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  /** How long a sign-in may take before the widget says so (ms); the provider's by default. */
  authorizationTimeoutMs?: number;
  /** Days before expiry an account shows as Expiring; the provider's, else the data source's, by default. */
  expiryWarningDays?: number;
  /** The data source to show. */
  source: string;
  /** Used when no provider is above the widget. */
  endpoint?: string;
}

/** Told when the provider's texts or locale change (the widget's `LocaleController`). */
export interface LocalizationListener {
  localizationChanged(): void;
}

/** Nothing provided (no provider above, or not yet): one object for every widget. */
const NOTHING_PROVIDED: Provided = {};

/**
 * Connects a widget to the store: the provider's (found through context) or, outside any
 * provider, the shared store of the widget's `endpoint`. It keeps one subscription to the
 * widget's data source, re-subscribes when `source`, `endpoint` or the provider changes, and
 * reports the failure of a load this widget started as a `dsw-error` event.
 *
 * It makes the widget's one context request: the provider answers with its store and its
 * localization together, and the `LocaleController` reads the latter from `provided`.
 */
export class SourceController implements ReactiveController {
  /**
   * On a server, the store of the render in progress: set by `data-source-widgets/ssr` (so that
   * no server code reaches a browser's bundle).
   */
  static serverStore?: () => ConnectionStore | undefined;
  /** The store in use; undefined while the widget has neither a provider nor an endpoint. */
  store?: ConnectionStore;
  state: SourceState;
  /** What the provider above hands down (its store, texts and locale); empty without one. */
  provided: Provided = NOTHING_PROVIDED;
  /** See `LocalizationListener`. */
  localization?: LocalizationListener;
  private unsubscribe?: () => void;
  /** The source subscribed to in `store` (a change of `endpoint` matters only by changing the store); empty when none. */
  private subscribed = '';
  private wake?: () => void;
  private unsubscribeProvider?: () => void;
  /**
   * The context callback and the store listener: the same functions for the widget's life (the
   * provider keys its subscriptions by the callback), bound rather than arrows (no closure scope).
   */
  private readonly receiver = this.receive.bind(this);
  private readonly listener = this.heard.bind(this);

  constructor(private readonly host: SourceHost) {
    this.state = idleState(host.source ?? '');
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextEvent(providedContext, this.host, this.receiver, true));
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  /** A failed load the store tries again by itself: the widget counts down to it ("Retrying in 40 s…"). */
  hostUpdated(): void {
    count(this.host, (this.state.retryAt ?? 0) > Date.now());
  }

  hostDisconnected(): void {
    count(this.host, false);
    this.unsubscribeProvider?.();
    this.unsubscribeProvider = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribed = '';
  }

  /** Whole seconds until the store tries the failed load again by itself; undefined when it will not. */
  get retrySeconds(): number | undefined {
    return secondsUntil(this.state.retryAt);
  }

  /** Whether there is something to show but a placeholder: data, a failure, or nowhere to load from. */
  get settled(): boolean {
    return !this.store || this.state.status === 'ready' || this.state.status === 'error';
  }

  /** Resolves once `settled`, or after `ms` at most (a widget's first render waits for its data that long). */
  untilSettled(ms: number): Promise<void> {
    if (this.settled) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), moment(ms)]).finally(() => (this.wake = undefined));
  }

  /**
   * On a server, before rendering: the data the server renders with (see server-store.ts), as
   * there is neither a provider to ask nor a page to load from. Nothing in a browser.
   */
  serverRender(): void {
    const store = isServer ? SourceController.serverStore?.() : undefined;
    if (!store) return;
    this.store = store;
    this.state = store.get(this.host.source ?? '');
  }

  /** Loads again whatever happened before (the Retry button). */
  retry(): void {
    if (this.store && this.host.source) this.report(this.store.load(this.host.source, { force: true }));
  }

  /** Reloads data older than the store's freshness window (a dialog opening). */
  revalidate(): void {
    if (this.store && this.host.source) this.report(this.store.load(this.host.source));
  }

  /** The provider's answer, at the request and at every change of its value. */
  private receive(value: Provided, unsubscribe?: () => void): void {
    // Another provider answers now (a nearer one appeared): leave the one before.
    if (this.unsubscribeProvider !== unsubscribe) this.unsubscribeProvider?.();
    this.unsubscribeProvider = unsubscribe;
    this.provided = value;
    this.localization?.localizationChanged();
    this.sync();
    this.host.requestUpdate();
  }

  private sync(): void {
    if (!this.host.isConnected) return;
    const store = this.provided.store ?? (this.host.endpoint ? sharedStore(this.host.endpoint) : undefined);
    const source = store ? (this.host.source ?? '') : '';
    if (store === this.store && source === this.subscribed) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = store;
    this.subscribed = source;
    this.state = idleState(this.host.source ?? '');
    if (store && source) {
      this.unsubscribe = store.subscribe(source, this.listener);
      this.state = store.get(source);
      this.report(store.load(source));
    }
    if (this.settled) this.wake?.();
    this.host.requestUpdate();
  }

  /** The store's news of the source subscribed to. */
  private heard(state: SourceState): void {
    const shown = !quietRevalidation(this.state, state);
    this.state = state;
    if (shown) this.host.requestUpdate();
    if (this.settled) this.wake?.();
  }

  private report(load: Promise<void> | undefined): void {
    load?.catch((error: unknown) => {
      if (error instanceof DswError) {
        this.host.dispatchEvent(new DswErrorEvent({ error, action: 'load', sourceId: this.host.source }));
      }
    });
  }
}

/**
 * One timer for every widget that waits in the same moment (a page attaches hundreds at once),
 * not one each: a widget that joins late waits less, never more.
 */
let shared: Promise<void> | undefined;
function moment(ms: number): Promise<void> {
  return (shared ??= new Promise<void>((resolve) =>
    setTimeout(() => {
      shared = undefined;
      resolve();
    }, ms),
  ));
}

/**
 * Only `revalidating` changed, with no failure shown: nothing on screen differs (the widgets show
 * a revalidation only beside a failed one, on the Retry it started), so no render is needed. A
 * page of cards revalidating on focus then renders nothing that did not change.
 */
function quietRevalidation(before: SourceState, after: SourceState): boolean {
  if (before.error || after.error || before.revalidating === after.revalidating) return false;
  return (Object.keys(after) as Array<keyof SourceState>).every((key) => key === 'revalidating' || before[key] === after[key]);
}

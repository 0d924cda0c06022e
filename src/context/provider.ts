import { ContextEvent, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Callback = (value: unknown, unsubscribe?: () => void) => void;
type AnyContext = Context<unknown, unknown>;

/** A subscriber's element and the function that ends its subscription. */
interface Subscription {
  consumer: EventTarget;
  dispose: () => void;
}

/**
 * Provides several contexts from one element, as @lit/context's `ContextProvider` does for one
 * (same protocol: `context-request` answered and subscriptions kept, `context-provider` sent on
 * connection and answered for nested providers), with one pair of listeners for all of them and
 * the element itself as the listener: a page has a provider or two, and this is less code to load
 * before the first card than one `ContextProvider` per key.
 */
export class ContextValues implements ReactiveController {
  private readonly values: Map<unknown, unknown>;
  private readonly subscriptions = new Map<unknown, Map<Callback, Subscription>>();

  /** `initial`: each context provided, with its value until `set`. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    initial: ReadonlyArray<readonly [AnyContext, unknown]>,
  ) {
    this.values = new Map(initial);
    for (const [context] of initial) this.subscriptions.set(context, new Map());
    host.addEventListener('context-request', this);
    host.addEventListener('context-provider', this);
    host.addController(this);
  }

  get<T>(context: Context<unknown, T>): T | undefined {
    return this.values.get(context) as T | undefined;
  }

  /** Sets the value of `context` and hands it to every subscriber, when it changed. */
  set<T>(context: Context<unknown, T>, value: T): void {
    if (Object.is(value, this.values.get(context))) return;
    this.values.set(context, value);
    for (const [callback, { dispose }] of this.subscriptions.get(context)!) callback(value, dispose);
  }

  /**
   * The protocol's `context-provider` event, one per key: a `ContextRoot` sends this provider the
   * requests nobody answered yet; a provider of the same key above it hands over the
   * subscriptions that come from inside this one.
   */
  hostConnected(): void {
    for (const context of this.subscriptions.keys()) {
      const event = new Event('context-provider', { bubbles: true, composed: true });
      this.host.dispatchEvent(Object.assign(event, { context, contextTarget: this.host }));
    }
  }

  handleEvent(event: Event): void {
    const { context, contextTarget } = event as Event & { context: unknown; contextTarget?: EventTarget };
    const subscriptions = this.subscriptions.get(context);
    const target = contextTarget ?? event.composedPath()[0];
    if (!subscriptions || target === this.host) return;
    event.stopPropagation();
    if (event.type === 'context-provider') {
      // Asked again, the subscribers inside the new provider get their value from it (and leave
      // this one); the others get it from this one again.
      for (const [callback, { consumer }] of [...subscriptions]) {
        consumer.dispatchEvent(new ContextEvent(context as AnyContext, consumer as HTMLElement, callback, true));
      }
      return;
    }
    const { callback, subscribe } = event as ContextEvent<AnyContext>;
    const value = this.values.get(context);
    if (!subscribe) return callback(value);
    let subscription = subscriptions.get(callback);
    if (!subscription) {
      subscription = { consumer: target!, dispose: () => void subscriptions.delete(callback) };
      subscriptions.set(callback, subscription);
    }
    callback(value, subscription.dispose);
  }
}

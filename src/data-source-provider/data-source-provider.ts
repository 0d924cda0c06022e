import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { ApiClient, type HeadersCallback } from '../api/client.js';
import { localizationContext, providedContext, storeContext } from '../context/keys.js';
import { ContextValues } from '../context/provider.js';
import { ConnectionStore } from '../store/connection-store.js';
import type { Strings } from '../strings/strings.js';

/**
 * Hands one API client and one store to every widget inside it, so that the cards, the dialog
 * and the banner under it share one cache and never disagree. Renders its children as they are.
 *
 * @summary Shares one endpoint, cache and text overrides with the widgets inside it.
 * @tag data-source-provider
 * @slot - The widgets (and any other content), and the data a server rendered them with
 * (`<script type="application/json" data-dsw-sources>`, see `data-source-widgets/hydrate`).
 */
export class DataSourceProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the host's implementation of the HTTP contract. Changing it starts a new cache. */
  @property() endpoint = '';

  /**
   * Called before every request for auth headers; called again with `{ refresh: true }` after
   * a 401 to get a fresh token. Property only.
   */
  @property({ attribute: false }) getHeaders?: HeadersCallback;

  /** Replaces the global `fetch` for every request (instrumentation, tests). Property only. */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Per-request timeout in milliseconds. */
  @property({ type: Number, attribute: 'timeout-ms' }) timeoutMs = 15_000;

  /** How long a sign-in may take before the widgets say it took too long, in ms. A sign-in finished later still connects. */
  @property({ type: Number, attribute: 'authorization-timeout-ms' }) authorizationTimeoutMs = 5 * 60_000;

  /** Days before expiry an account shows as Expiring in every widget inside; unset: the data source's window, else 7. */
  @property({ type: Number, attribute: 'expiry-warning-days' }) expiryWarningDays?: number;

  /** Overrides of any user-visible text for every widget inside. Property only. */
  @property({ attribute: false }) strings?: Partial<Strings>;

  /** BCP 47 locale for dates and numbers in every widget inside; the browser's by default. */
  @property() locale?: string;

  /**
   * Called with each store built, before any widget gets it: `data-source-widgets/hydrate` seeds
   * it there from the data a server rendered the page with (pages without pay nothing for it).
   */
  static storeCreated?: (provider: DataSourceProvider, store: ConnectionStore) => void;

  /**
   * What the widgets inside ask for (`providedContext`: the store and the localization in one
   * value, one request per widget), and each part under its own key for the host's elements.
   */
  private readonly provided = new ContextValues(this, [
    [providedContext, {}],
    [storeContext, undefined],
    [localizationContext, {}],
  ]);

  /** The store the widgets inside share (undefined until `endpoint` is set). */
  get store(): ConnectionStore | undefined {
    return this.provided.get(storeContext);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Build the store before the first update: children ask for it as soon as they connect.
    // (Leaving keeps it: the children's own unsubscriptions already stop their requests.)
    this.rebuild();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('getHeaders') || changed.has('fetch') || changed.has('timeoutMs')) {
      this.rebuild();
    }
    // A setting of the flows to come: the cache stays.
    if (this.store) {
      this.store.authorizationTimeoutMs = this.authorizationTimeoutMs;
      this.store.expiryWarningDays = this.expiryWarningDays;
    }
    if (changed.has('strings') || changed.has('locale')) {
      const localization = { strings: this.strings, locale: this.locale };
      this.provided.set(localizationContext, localization);
      this.provided.set(providedContext, { ...localization, store: this.store });
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private rebuild(): void {
    if (!this.isConnected || !this.endpoint) return;
    const client = this.store?.client;
    const same =
      client &&
      client.options.endpoint === this.endpoint &&
      client.options.getHeaders === this.getHeaders &&
      client.options.fetch === this.fetch &&
      client.options.timeoutMs === this.timeoutMs;
    if (same) return;
    this.store?.dispose();
    const next = new ApiClient({
      endpoint: this.endpoint,
      getHeaders: this.getHeaders,
      fetch: this.fetch,
      timeoutMs: this.timeoutMs,
    });
    const store = new ConnectionStore(next, { authorizationTimeoutMs: this.authorizationTimeoutMs });
    // Set before the widgets get the store: their first render reads it.
    store.expiryWarningDays = this.expiryWarningDays;
    DataSourceProvider.storeCreated?.(this, store);
    this.provided.set(storeContext, store);
    this.provided.set(providedContext, { ...this.provided.get(providedContext), store });
  }
}

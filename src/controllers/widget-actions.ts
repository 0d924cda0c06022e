import type { ReactiveController } from 'lit';
import type { Connection } from '../api/types.js';
import { NetworkError } from '../api/errors.js';
import { loadAuthorization } from '../auth/lazy.js';
import { takePending } from '../auth/pending.js';
import { DswErrorEvent } from '../events/error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { ChangeAction, ConnectionActions } from './connection-actions.js';
import type { Notice } from './connect-controller.js';
import type { LocaleController } from './locale-controller.js';
import { prefetchOnIntent } from './prefetch.js';
import type { SourceController, SourceHost } from './source-controller.js';
import { startAuthorization } from './start-authorization.js';

type ActionsModule = typeof import('./connection-actions.js');

let loading: Promise<ActionsModule> | undefined;

/** The write path's code, once per page; a failed load is tried again by the next call. */
function loadActions(): Promise<ActionsModule> {
  return (loading ??= import('./connection-actions.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}

/** What a Connect or Re-connect needs: the controllers that follow a sign-in, and the flow itself. */
const loadWritePath = () => Promise.all([loadActions(), loadAuthorization()]);

/**
 * The actions a widget offers on connections (connect, re-connect, delete, make main, refresh),
 * with their notices. Most pages only show cards, and most visits change nothing, so the code
 * behind them (ConnectionActions) loads on first use, or as soon as the user points at or focuses
 * a button that needs it. A Connect click that comes first still opens the pop-up at once: the
 * gesture is spent here, and the rest follows when the code arrives.
 */
export class WidgetActions implements ReactiveController {
  private real?: ConnectionActions;
  /** A sign-in a click started before the code arrived is waiting for it. */
  private starting = false;
  /** The connection of the last sign-in started before the code arrived (Retry runs it again). */
  private lastId?: string;
  /** What to say until the code arrives: the sign-in is pending, or the code did not load. */
  private own?: Notice;
  private started?: (action: ChangeAction, connection: Connection) => void;
  private controller?: AbortController;
  /** The store and source last looked up for sign-ins left under way (see `hostUpdated`). */
  private checked?: { store: ConnectionStore; sourceId: string };

  constructor(
    private readonly host: SourceHost,
    private readonly source: SourceController,
    private readonly l10n: LocaleController,
  ) {
    host.addController(this);
    prefetchOnIntent('authorization', loadWritePath);
  }

  /** A pop-up this widget opened is still open. */
  get pending(): boolean {
    return this.real ? this.real.connector.pending : this.starting;
  }

  /** The connection the last sign-in was for (undefined: adding an account). */
  get lastConnectionId(): string | undefined {
    return this.real ? this.real.connector.lastConnectionId : this.lastId;
  }

  /** What to show now: a connect or re-connect's notice, else the last action's result. */
  get notice(): Notice | undefined {
    return this.own ?? this.real?.notice;
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /**
   * Picks up the sign-ins an earlier page of this tab left under way for this source (the host
   * page reloaded while a pop-up was open, or after it timed out). Once per store and source, not
   * on every render: reading sessionStorage is not free. The code to follow them loads only then.
   */
  hostUpdated(): void {
    const { store } = this.source;
    const sourceId = this.host.source;
    if (!store || !sourceId || (this.checked?.store === store && this.checked.sourceId === sourceId)) return;
    this.checked = { store, sourceId };
    const left = takePending(() => store.client.resolveUrl(''), sourceId);
    if (left.length > 0) {
      this.load().then(
        (real) => real.connector.resume(store, sourceId, left),
        () => {}, // Offline: the entries stay for the next page.
      );
    }
  }

  /**
   * Calls `callback` once a change goes ahead (not prevented), before the store applies it: the
   * moment to note where focus goes when the change removes the focused control. A widget that
   * asks this changes connections (the dialog): the code loads now, so that a click finds it.
   */
  onStart(callback: (action: ChangeAction, connection: Connection) => void): void {
    this.started = callback;
    this.real?.onStart(callback);
    this.load().catch(() => {}); // Offline: the first action tries again.
  }

  /** Adds an account. Call it synchronously in the click handler: the pop-up needs the gesture. */
  add(): void {
    this.connect(undefined);
  }

  /** Re-authorizes `connection` (same rule as `add` about the click). */
  reconnect(connection: Connection): void {
    this.connect(connection.id);
  }

  /** Runs the last add or re-connect again (a notice's Retry). */
  retryConnect(): void {
    this.connect(this.lastConnectionId);
  }

  /** Clears the notice (the card's ×). */
  dismiss(): void {
    this.own = undefined;
    this.real?.dismiss();
    this.host.requestUpdate();
  }

  remove(connection: Connection): Promise<void> {
    return this.run((real) => real.remove(connection));
  }

  makeMain(connection: Connection): Promise<void> {
    return this.run((real) => real.makeMain(connection));
  }

  refresh(connection: Connection): Promise<void> {
    return this.run((real) => real.refresh(connection));
  }

  /** At once when the code is there (a row shows busy in the click's own render), else once it came. */
  private run(change: (real: ConnectionActions) => Promise<void>): Promise<void> {
    return this.real ? change(this.real) : this.load().then(change);
  }

  private connect(connectionId: string | undefined): void {
    this.own = undefined;
    if (this.real) return this.real.connect(connectionId);
    const started = startAuthorization(this.host, this.source.store, connectionId, this.signal());
    if (!started) return this.host.requestUpdate();
    this.starting = true;
    this.lastId = connectionId;
    this.own = { tone: 'info', text: this.l10n.strings.authorizationPending };
    this.host.requestUpdate();
    this.load().then(
      (real) => {
        this.own = undefined;
        real.connect(connectionId, started);
      },
      () => {
        // Without the code that follows it, a sign-in would end unseen: stop it (the pop-up
        // closes) and say so, with Retry.
        this.controller?.abort();
        this.controller = undefined;
        const error = new NetworkError('The sign-in could not start: its code did not load');
        const action = connectionId ? 'reconnect' : 'connect';
        this.host.dispatchEvent(new DswErrorEvent({ error, action, sourceId: started.sourceId, connectionId }));
        this.own = { tone: 'error', text: this.l10n.strings.authorizationFailed(error.message), retry: true };
      },
    ).finally(() => {
      this.starting = false;
      this.host.requestUpdate();
    });
  }

  private async load(): Promise<ConnectionActions> {
    const { ConnectionActions } = await loadActions();
    if (!this.real) {
      this.real = new ConnectionActions(this.host, this.source, this.l10n, () => this.signal());
      if (this.started) this.real.onStart(this.started);
    }
    return this.real;
  }

  private signal(): AbortSignal {
    return (this.controller ??= new AbortController()).signal;
  }
}

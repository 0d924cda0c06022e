import { DswError } from '../api/errors.js';
import type { Connection } from '../api/types.js';
import { ConnectionRemovedEvent } from '../events/connection-removed.js';
import { DeleteRequestEvent } from '../events/delete-request.js';
import { DswErrorEvent, type DswAction } from '../events/error.js';
import { MainChangedEvent } from '../events/main-changed.js';
import { MakeMainRequestEvent } from '../events/make-main-request.js';
import { RefreshRequestedEvent } from '../events/refresh-requested.js';
import { mainConnection } from '../store/source-state.js';
import { actionFailureText } from '../views/error-text.js';
import { ConnectController, type Notice } from './connect-controller.js';
import type { LocaleController } from './locale-controller.js';
import type { SourceController, SourceHost } from './source-controller.js';
import type { StartedAuthorization } from './start-authorization.js';

/** The actions that change a connection already there (re-connect runs through the pop-up). */
export type ChangeAction = 'delete' | 'make-main' | 'refresh';

/**
 * Everything a widget does to a connection, each written once: the cancelable request event, the
 * store's write, the event that says it happened, the text to show and announce, and on failure a
 * `dsw-error` and a text that says what went wrong. Add and re-connect hand over to the
 * `ConnectController` (the pop-up); their notice replaces the last action's result. The write
 * path of a widget, loaded on first use (see WidgetActions).
 */
export class ConnectionActions {
  readonly connector: ConnectController;
  /** The last delete / make main / refresh result. */
  private result?: Notice;
  private started?: (action: ChangeAction, connection: Connection) => void;

  constructor(
    private readonly host: SourceHost,
    private readonly source: SourceController,
    private readonly l10n: LocaleController,
    signal: () => AbortSignal,
  ) {
    this.connector = new ConnectController(host, source, l10n, signal);
  }

  /**
   * Calls `callback` once a change goes ahead (not prevented), before the store applies it: the
   * moment to note where focus goes when the change removes the focused control.
   */
  onStart(callback: (action: ChangeAction, connection: Connection) => void): void {
    this.started = callback;
  }

  /** What to show now: a connect or re-connect's notice, else the last action's result. */
  get notice(): Notice | undefined {
    return this.connector.notice ?? this.result;
  }

  /**
   * Adds an account (no `connectionId`) or re-authorizes one. Call it synchronously in the click
   * handler: the pop-up needs the gesture. `started`: a sign-in the click already started.
   */
  connect(connectionId?: string, started?: StartedAuthorization): void {
    this.show(undefined);
    if (started) this.connector.follow(started);
    else this.connector.connect(connectionId);
  }

  /** Clears the notice (the card's ×). */
  dismiss(): void {
    this.connector.dismiss();
    this.show(undefined);
  }

  /** Runs the last add or re-connect again (a notice's Retry). */
  retryConnect(): void {
    this.connect(this.connector.lastConnectionId);
  }

  async remove(connection: Connection): Promise<void> {
    const { store } = this.source;
    const sourceId = this.host.source;
    // Gone already (deleted in another widget while a confirmation was open): nothing to do.
    if (!store?.get(sourceId).connections.some((c) => c.id === connection.id)) return;
    if (!this.host.dispatchEvent(new DeleteRequestEvent({ sourceId, connection }))) return;
    this.started?.('delete', connection);
    try {
      const removed = await store.remove(sourceId, connection.id);
      this.host.dispatchEvent(new ConnectionRemovedEvent({ sourceId, connection: removed }));
      this.succeed(this.strings.deleted(removed.accountName));
    } catch (error) {
      this.fail('delete', connection, error, this.strings.deleteFailed(connection.accountName));
    }
  }

  async makeMain(connection: Connection): Promise<void> {
    const { store } = this.source;
    const sourceId = this.host.source;
    if (!store || !this.host.dispatchEvent(new MakeMainRequestEvent({ sourceId, connection }))) return;
    const previous = mainConnection(store.get(sourceId));
    this.started?.('make-main', connection);
    try {
      const updated = await store.makeMain(sourceId, connection.id);
      this.host.dispatchEvent(new MainChangedEvent({ sourceId, connection: updated, previous }));
      this.succeed(this.strings.madeMain(updated.accountName));
    } catch (error) {
      this.fail('make-main', connection, error, this.strings.makeMainFailed(connection.accountName));
    }
  }

  async refresh(connection: Connection): Promise<void> {
    const { store } = this.source;
    const sourceId = this.host.source;
    if (!store) return;
    this.started?.('refresh', connection);
    try {
      const updated = await store.refresh(sourceId, connection.id);
      this.host.dispatchEvent(new RefreshRequestedEvent({ sourceId, connection: updated }));
      this.succeed(this.strings.refreshRequested(updated.accountName));
    } catch (error) {
      this.fail('refresh', connection, error, this.strings.refreshFailed(connection.accountName));
    }
  }

  private get strings() {
    return this.l10n.strings;
  }

  private succeed(text: string): void {
    this.connector.dismiss();
    this.show({ tone: 'success', text });
  }

  private fail(action: DswAction, connection: Connection, error: unknown, text: string): void {
    if (error instanceof DswError) {
      this.host.dispatchEvent(new DswErrorEvent({ error, action, sourceId: this.host.source, connectionId: connection.id }));
    }
    this.connector.dismiss();
    this.show({ tone: 'error', text: actionFailureText(error, text, this.strings) });
  }

  private show(result: Notice | undefined): void {
    this.result = result;
    this.host.requestUpdate();
  }
}

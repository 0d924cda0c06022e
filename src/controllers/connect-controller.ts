import type { ReactiveController } from 'lit';
import { DswError, isAbortError } from '../api/errors.js';
import { AuthorizationError } from '../auth/authorization-error.js';
import { loadAuthorization } from '../auth/lazy.js';
import type { PendingAuthorization } from '../auth/pending.js';
import type { SelectableAccount } from '../api/types.js';
import type { AuthorizationResult } from '../auth/types.js';
import { ConnectionAddedEvent } from '../events/connection-added.js';
import { ConnectionReconnectedEvent } from '../events/connection-reconnected.js';
import { DswErrorEvent } from '../events/error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { Strings } from '../strings/strings.js';
import type { LocaleController } from './locale-controller.js';
import type { SourceController, SourceHost } from './source-controller.js';
import { startAuthorization, type StartedAuthorization } from './start-authorization.js';

/** A result to show and announce (in a live region) after a connect or re-connect. */
export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
  /** The failure can be tried again with the same action (a blocked pop-up, a network error). */
  retry?: boolean;
  /** The user signed in as another account than the one being re-connected. */
  offerAddNew?: boolean;
}

/**
 * A sign-in that reached several accounts, handed to the widget to let the user choose: nothing is
 * connected until the choice is confirmed with `state`.
 */
export interface AccountSelectionRequest {
  sourceId: string;
  state: string;
  accounts: SelectableAccount[];
}

/** Shows the selection step; resolves with what to say once the user confirmed or cancelled. */
export type SelectAccounts = (request: AccountSelectionRequest) => Promise<Notice | false | undefined> | undefined;

/**
 * Follows a connect or re-connect to its end: the outcome of the pop-up, a reload of the source,
 * the event that says what changed and the notice to show. Loaded with the rest of the write path
 * on first use; the click itself runs `startAuthorization` (see WidgetActions).
 */
export class ConnectController implements ReactiveController {
  /** A pop-up this widget opened is still open. */
  pending = false;
  notice?: Notice;
  /** The connection the last attempt was for (undefined: adding an account). */
  lastConnectionId?: string;

  constructor(
    /** `chooseAccounts`: where the widget shows the account selection (the settings dialog's step). */
    private readonly host: SourceHost & { chooseAccounts?: SelectAccounts },
    private readonly source: SourceController,
    private readonly l10n: LocaleController,
    /** Aborts when the widget leaves the page: the flows it follows stop with it. */
    private readonly signal: () => AbortSignal,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.pending = false;
  }

  /**
   * Picks up the sign-ins an earlier page of this tab left under way for this source (the host
   * page reloaded while a pop-up was open, or after it timed out): their late outcome still
   * ends like any success.
   */
  resume(store: ConnectionStore, sourceId: string, left: readonly PendingAuthorization[]): void {
    const signal = this.signal();
    const known = new Set(store.get(sourceId).connections.map((c) => c.id));
    for (const pending of left) {
      loadAuthorization()
        .then(({ resumeAuthorization }) => resumeAuthorization({ client: store.client, state: pending.state, expiresAt: pending.expiresAt, signal }))
        .then((result) => result && this.succeeded(store, sourceId, known, result))
        .catch(() => {
          // The flow's code did not load (offline): the next page tries again, the entry stays.
        });
    }
  }

  /** Adds an account (no `connectionId`) or re-connects one. Call it synchronously in the click handler. */
  connect(connectionId?: string): void {
    this.follow(startAuthorization(this.host, this.source.store, connectionId, this.signal()));
  }

  /** Shows a sign-in the click started as pending, then its outcome. */
  follow(started: StartedAuthorization | undefined): void {
    if (!started) return;
    const { store, sourceId, connectionId, known } = started;
    this.lastConnectionId = connectionId;
    this.pending = true;
    this.show({ tone: 'info', text: this.strings.authorizationPending });
    const succeeded = (result: AuthorizationResult) => this.succeeded(store, sourceId, known, result);
    const failed = (error: unknown): void => {
      if (isAbortError(error) || !(error instanceof DswError)) return this.show(undefined);
      const action = connectionId ? 'reconnect' : 'connect';
      this.host.dispatchEvent(new DswErrorEvent({ error, action, sourceId, connectionId }));
      this.show(this.noticeFor(error));
      // "Cancelled" may be a window a sign-in page's COOP only severed, and "timed out" a user
      // still signing in: if they go on to approve, that still ends like any success, announced
      // and reported once. The widget leaving the page stops the watch.
      if (error instanceof AuthorizationError && error.late) {
        error.late.then((result) => result && succeeded(result)).catch(failed);
      }
    };
    started.flow
      .then(succeeded)
      .catch(failed)
      .finally(() => {
        this.pending = false;
        this.host.requestUpdate();
      });
  }

  /**
   * Reloads the source, then says what changed: a new connection, or one re-connected. A sign-in
   * that reached several accounts goes to the selection step first; the step's outcome is said here
   * too, as the widget that started the sign-in holds the live region the user is listening to.
   */
  private async succeeded(store: ConnectionStore, sourceId: string, known: Set<string>, result: AuthorizationResult): Promise<void> {
    if (result.accounts) {
      this.show(undefined);
      // Not awaited: the sign-in is over (nothing pending) while the user chooses. No outcome
      // means no step was shown (the dialog's code did not load, reported as a `dsw-error`).
      const choice = Promise.resolve(this.host.chooseAccounts?.({ sourceId, ...result }));
      return void choice.then((notice) => this.show(notice || { tone: 'error', text: this.strings.loadFailed, retry: true }));
    }
    await store.reload(sourceId);
    const connection = store.get(sourceId).connections.find((c) => c.id === result.connectionId);
    if (!connection) return this.show({ tone: 'error', text: this.strings.loadFailed, retry: true });
    const wasThere = known.has(connection.id);
    const event = wasThere
      ? new ConnectionReconnectedEvent({ sourceId, connection })
      : new ConnectionAddedEvent({ sourceId, connection });
    this.host.dispatchEvent(event);
    const text = wasThere
      ? this.strings.reconnected(connection.accountName)
      : this.strings.connected(connection.accountName);
    this.show({ tone: 'success', text });
  }

  dismiss(): void {
    this.show(undefined);
  }

  private get strings(): Strings {
    return this.l10n.strings;
  }

  private noticeFor(error: DswError): Notice {
    const s = this.strings;
    if (!(error instanceof AuthorizationError)) {
      return { tone: 'error', text: error.kind === 'unauthorized' ? s.unauthorized : s.authorizationFailed(error.message), retry: true };
    }
    switch (error.reason) {
      case 'blocked':
        return { tone: 'error', text: s.popupBlocked, retry: true };
      case 'cancelled':
        return { tone: 'info', text: s.authorizationCancelled };
      case 'timeout':
        return { tone: 'error', text: s.authorizationTimedOut, retry: true };
      case 'account-mismatch':
        return { tone: 'error', text: s.accountMismatch(error.message), offerAddNew: true };
      default:
        return { tone: 'error', text: s.authorizationFailed(error.message), retry: true };
    }
  }

  private show(notice: Notice | undefined): void {
    this.notice = notice;
    this.host.requestUpdate();
  }
}

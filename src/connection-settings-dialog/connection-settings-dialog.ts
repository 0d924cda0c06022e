import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { SourceWidget } from '../base/source-widget.js';
import { DswError, HttpError } from '../api/errors.js';
import type { Connection } from '../api/types.js';
import { ConnectionRemovedEvent } from '../events/connection-removed.js';
import { DeleteRequestEvent } from '../events/delete-request.js';
import { DialogClosedEvent } from '../events/dialog-closed.js';
import { DialogOpenedEvent } from '../events/dialog-opened.js';
import { DswErrorEvent, type DswAction } from '../events/error.js';
import { MainChangedEvent } from '../events/main-changed.js';
import { MakeMainRequestEvent } from '../events/make-main-request.js';
import { RefreshRequestedEvent } from '../events/refresh-requested.js';
import { mainConnection, type SourceState } from '../store/source-state.js';
import type { Strings } from '../strings/strings.js';
import { controls } from '../styles/controls.js';
import { checkIcon, closeIcon, plugIcon, warningIcon } from '../styles/icons.js';
import { tokens } from '../styles/tokens.js';
import { dialogStyles } from './connection-settings-dialog.styles.js';
import { renderHead, renderRow, renderSkeletonRows, type RowAction, type RowContext } from './rows.js';
import { RowsViewCache, nextSort, type SortKey, type SortState } from './rows-view.js';
import { TimestampTooltip } from './timestamp-tooltip.js';

/** The filter box appears above this many accounts. */
const FILTER_THRESHOLD = 10;
const SKELETON_ROWS = 3;

interface Message {
  tone: 'info' | 'success' | 'error';
  text: string;
}

/**
 * A modal dialog listing every account connected to one data source, where the user adds,
 * re-connects, refreshes, makes main and deletes connections. It reads and changes data only
 * through the shared store (a `<data-source-provider>` above it, or its own `endpoint`).
 *
 * Put it anywhere: it loads its data source as soon as it is connected (so opening is instant)
 * but renders the rows only while open. The element that had focus when it opened gets it back
 * when it closes.
 *
 * @summary The connection settings of one data source, in a modal dialog.
 * @tag connection-settings-dialog
 *
 *
 * @slot logo - Replaces the data source's logo in the header.
 * @slot empty - Shown instead of the table when no account is connected (default: a short text).
 *
 * @csspart dialog - The native `<dialog>`; style its backdrop with `::part(dialog)::backdrop`.
 * @csspart header - The header with the logo, title and close button.
 * @csspart title - The heading that names the dialog.
 * @csspart close-button - The close (×) button.
 * @csspart body - The scrolling area between header and footer.
 * @csspart filter - The filter box's wrapper (label, input, count).
 * @csspart filter-input - The filter's `<input>`.
 * @csspart table-container - The box that scrolls the table.
 * @csspart table - The `<table>` of accounts.
 * @csspart sort-button - The sort buttons in the column headers.
 * @csspart row - Each account's `<tr>`.
 * @csspart main-badge - The "Main" badge.
 * @csspart action-button - Every button in a row; also `reconnect-button`, `refresh-button`, `make-main-button`, `delete-button`.
 * @csspart reconnect-button - A failing row's Re-connect button.
 * @csspart refresh-button - A row's data refresh button.
 * @csspart make-main-button - A secondary row's Make main button.
 * @csspart delete-button - A row's delete (trash) button.
 * @csspart load-error - The message and Retry button shown when the accounts could not be loaded.
 * @csspart stale - The note shown when a reload failed but older rows are still shown.
 * @csspart empty - The wrapper of the `empty` slot.
 * @csspart footer - The footer with the messages and the Add button.
 * @csspart message - The live region that announces results.
 * @csspart add-button - The "Add or Update Connector" button.
 * @csspart confirm - The nested delete confirmation `<dialog>`.
 * @csspart cancel-button - The confirmation's Cancel button.
 * @csspart confirm-button - The confirmation's Delete button.
 * @csspart tooltip - The tooltip with a date's full timestamp.
 *
 * @cssprop --dsw-dialog-inline-size - The dialog's width (default `min(64rem, 100vw - 2rem)`).
 * @cssprop --dsw-dialog-max-block-size - The dialog's maximum height (default `min(48rem, 100dvh - 2rem)`).
 * @cssprop --dsw-color-backdrop - The colour behind the modal dialog.
 * @cssprop --dsw-font-family - Font of the whole dialog.
 * @cssprop --dsw-font-size - Base font size.
 * @cssprop --dsw-radius - Corner radius of the dialog and buttons.
 * @cssprop --dsw-space - The spacing unit.
 * @cssprop --dsw-color-surface - Background.
 * @cssprop --dsw-color-surface-alt - Header row and badge background.
 * @cssprop --dsw-color-text - Text colour.
 * @cssprop --dsw-color-text-muted - Secondary text (IDs, "Secondary", notes).
 * @cssprop --dsw-color-border - Borders and row separators.
 * @cssprop --dsw-color-primary - The Add button.
 * @cssprop --dsw-color-on-primary - Text on the Add button.
 * @cssprop --dsw-color-danger - Error status, Re-connect and Delete buttons.
 * @cssprop --dsw-color-on-danger - Text on danger buttons.
 * @cssprop --dsw-color-danger-surface - Background of rows and messages in error.
 * @cssprop --dsw-color-success - Active status and success messages.
 * @cssprop --dsw-color-focus - The focus ring.
 * @cssprop --dsw-color-skeleton - Placeholder bars while loading.
 *
 * @fires {DialogOpenedEvent} dsw-dialog-opened - The dialog opened.
 * @fires {DialogClosedEvent} dsw-dialog-closed - The dialog closed (Escape, the close button, `close()` or `open = false`).
 * @fires {DeleteRequestEvent} dsw-delete-request - Cancelable: the user confirmed a delete; `preventDefault()` to handle it yourself.
 * @fires {ConnectionRemovedEvent} dsw-connection-removed - The endpoint confirmed a delete.
 * @fires {MakeMainRequestEvent} dsw-make-main-request - Cancelable: the user asked to make an account main.
 * @fires {MainChangedEvent} dsw-main-changed - Another account became main; `detail.previous` is the former one.
 * @fires {RefreshRequestedEvent} dsw-refresh-requested - The endpoint accepted a data refresh of an account.
 * @fires {ConnectRequestEvent} dsw-connect-request - Cancelable: before the authorization pop-up opens (Add, or Re-connect with `detail.connectionId`).
 * @fires {ConnectionAddedEvent} dsw-connection-added - An authorization added an account (now main).
 * @fires {ConnectionReconnectedEvent} dsw-connection-reconnected - An account in error was re-authorized.
 * @fires {DswErrorEvent} dsw-error - A load or an action failed; `detail.error.kind` says how, `detail.action` what.
 */
export class ConnectionSettingsDialog extends SourceWidget {
  static override styles = [tokens, controls, dialogStyles];

  /** Whether the dialog is open. Reflects; setting it opens or closes the dialog. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private sort?: SortState;
  @state() private query = '';
  /** The account whose delete confirmation is open. */
  @state() private confirming?: Connection;
  /** The last action's result (delete, make main, refresh); a connect notice replaces it. */
  @state() private message?: Message;

  @query('#dialog') private dialog?: HTMLDialogElement;
  @query('#confirm') private confirmDialog?: HTMLDialogElement;
  @query('#tip') private tip?: HTMLElement;
  @query('#add') private addButton?: HTMLButtonElement;

  private readonly tooltip = new TimestampTooltip(this, () => this.tip, () => this.data.locale);
  private readonly view = new RowsViewCache();
  /** Where focus goes back on close. */
  private opener?: HTMLElement;
  /** Shown by this element and not yet reported closed. */
  private shown = false;
  /** Runs after the next render, when an action removed the focused button. */
  private refocus?: () => HTMLElement | null | undefined;
  private stableStrings?: Strings;
  private rowContext?: RowContext;

  /** Opens the dialog (same as `open = true`). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (same as `open = false`); focus returns to the element that opened it. */
  close(): void {
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed modal leaves the top layer but would come back open, and non-modal, if re-inserted;
    // and focus, which was inside it, goes back to the opener.
    if (this.dialog?.open) {
      this.dialog.close();
      this.afterClose();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && !this.dialog?.open) this.opener = deepActiveElement();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.syncOpen();
    if (this.confirming && this.confirmDialog && !this.confirmDialog.open) this.confirmDialog.showModal();
    const refocus = this.refocus;
    this.refocus = undefined;
    const active = this.shadowRoot?.activeElement;
    // Only when the action took focus away with the button it removed.
    if (refocus && (!active || active === this.dialog)) refocus()?.focus();
  }

  private syncOpen(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.shown = true;
      this.dispatchEvent(new DialogOpenedEvent({ sourceId: this.source }));
      this.revalidate();
    } else if (!this.open && dialog.open) {
      if (this.confirming) this.settleConfirm(false);
      dialog.close();
      // Now rather than on the close event, which Chrome defers to the next animation frame.
      this.afterClose();
    }
  }

  /** Data older than the store's freshness window is reloaded when the dialog opens. */
  private revalidate(): void {
    const { store } = this.data;
    if (!store || !this.source) return;
    store.load(this.source)?.catch((error: unknown) => {
      if (error instanceof DswError) {
        this.dispatchEvent(new DswErrorEvent({ error, action: 'load', sourceId: this.source }));
      }
    });
  }

  /**
   * Escape handled here rather than left to the browser: the confirmation closes alone (the
   * browser may group nested modals opened without a user gesture and close both), a filled
   * filter is cleared first, and everything happens at once instead of on the next frame.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    if (this.confirming) {
      this.settleConfirm(false);
      return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value) {
      this.query = '';
      return;
    }
    this.close();
  };

  /** Closed by the browser (another close request); closes this element made were handled already. */
  private readonly onDialogClose = (event: Event): void => {
    // A close event arrives a frame late: ignore one from before a re-open.
    if (event.target === this.dialog && this.shown && !this.dialog.open) this.afterClose();
  };

  private afterClose(): void {
    if (!this.shown) return;
    this.shown = false;
    this.tooltip.hide();
    this.confirming = undefined;
    this.open = false;
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected && opener !== document.body) opener.focus();
    this.dispatchEvent(new DialogClosedEvent({ sourceId: this.source }));
  }

  /** The texts in effect, as the same object while nothing changed, so rows can skip rendering. */
  private get texts(): Strings {
    const next = this.data.strings;
    const last = this.stableStrings;
    if (last && (Object.keys(next) as Array<keyof Strings>).every((key) => next[key] === last[key])) return last;
    this.stableStrings = next;
    return next;
  }

  private contextFor(strings: Strings): RowContext {
    const locale = this.data.locale;
    if (this.rowContext?.strings !== strings || this.rowContext.locale !== locale) {
      this.rowContext = { strings, locale };
    }
    return this.rowContext;
  }

  protected override render(): TemplateResult {
    const s = this.texts;
    const state = this.data.state;
    const name = state.source?.name;
    const logo = state.source?.logoUrl && this.data.store?.client.resolveUrl(state.source.logoUrl);
    return html`<dialog
      id="dialog"
      part="dialog"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
      @close=${this.onDialogClose}
    >
      <header part="header">
        <slot name="logo">${logo ? html`<img class="logo" src=${logo} alt="" width="28" height="28" />` : nothing}</slot>
        <h2 id="title" part="title">${name ? s.dialogTitle(name) : s.connectionSettings}</h2>
        <button type="button" class="quiet icon close" part="close-button" aria-label=${s.close} @click=${this.close}>
          ${closeIcon}
        </button>
      </header>
      <div class="body" part="body">${this.open ? this.renderBody(state, s) : nothing}</div>
      <footer part="footer">
        ${this.renderMessage(s)}
        <button
          id="add"
          type="button"
          class="primary"
          part="add-button"
          aria-busy=${this.connector.pending ? 'true' : 'false'}
          @click=${this.onAdd}
        >
          ${plugIcon}${s.addOrUpdate}
        </button>
      </footer>
      ${this.renderConfirm(s)}
      <div id="tip" class="tooltip" role="tooltip" .popover=${'manual'} part="tooltip"></div>
    </dialog>`;
  }

  private renderBody(state: SourceState, s: Strings): TemplateResult {
    if (!this.data.store) return html`<p class="note">${s.noEndpoint}</p>`;
    if (state.status === 'error') return this.renderLoadError(state, s);
    if (state.status === 'ready' && state.connections.length === 0) {
      return html`${this.renderStale(state, s)}
        <div class="empty" part="empty">
          <slot name="empty"><p class="empty-title">${s.emptyTitle}</p><p>${s.emptyBody}</p></slot>
        </div>`;
    }
    return this.renderTable(state, s);
  }

  private renderLoadError(state: SourceState, s: Strings): TemplateResult {
    const error = state.error;
    const text =
      error?.kind === 'unauthorized'
        ? s.unauthorized
        : error instanceof HttpError && error.status === 404
          ? s.unknownSource
          : error?.kind === 'network' || error?.kind === 'timeout'
            ? s.endpointUnreachable
            : s.loadFailed;
    return html`<div class="load-error" part="load-error" role="alert">
      <p>${warningIcon}<span>${text}</span></p>
      <button type="button" @click=${this.onRetryLoad}>${s.retry}</button>
    </div>`;
  }

  /** Rows stay after a failed reload; a small note says they may be out of date. */
  private renderStale(state: SourceState, s: Strings): TemplateResult | typeof nothing {
    if (!state.error || state.status !== 'ready') return nothing;
    return html`<p class="stale" part="stale">
      ${warningIcon}<span>${s.revalidateFailed}</span>
      <button type="button" class="quiet" @click=${this.onRetryLoad}>${s.retry}</button>
    </p>`;
  }

  private renderTable(state: SourceState, s: Strings): TemplateResult {
    const loading = state.status !== 'ready';
    const caption = s.tableCaption(state.source?.name ?? this.source);
    const view = loading ? undefined : this.view.get(state.connections, this.sort, this.query, this.data.locale);
    const rows = view?.rows ?? [];
    const total = view?.total ?? 0;
    const shown = view?.shown ?? 0;
    const context = this.contextFor(s);
    const busy = state.busy;
    return html`${this.renderStale(state, s)}
      ${total > FILTER_THRESHOLD || this.query ? this.renderFilter(s, shown, total) : nothing}
      <div class="table-wrap" part="table-container">
        <table part="table" aria-busy=${loading ? 'true' : 'false'}>
          <caption class="visually-hidden">
            ${loading ? `${caption} (${s.loading})` : caption}
          </caption>
          <thead @click=${this.onSortClick}>
            ${renderHead(s, this.sort, loading)}
          </thead>
          <tbody @click=${this.onRowClick}>
            ${loading
              ? renderSkeletonRows(SKELETON_ROWS)
              : repeat(
                  rows,
                  (connection) => connection.id,
                  (connection) => {
                    const isBusy = busy.has(connection.id);
                    const hidden = !view!.shows(connection);
                    return guard([connection, isBusy, hidden, context], () =>
                      renderRow(connection, isBusy, hidden, context),
                    );
                  },
                )}
            ${view && shown === 0
              ? html`<tr>
                  <td colspan="6" class="no-match">${s.noMatch(this.query.trim())}</td>
                </tr>`
              : nothing}
          </tbody>
        </table>
      </div>`;
  }

  private renderFilter(s: Strings, shown: number, total: number): TemplateResult {
    return html`<div class="filter" part="filter">
      <label for="filter">${s.filterLabel}</label>
      <input
        id="filter"
        type="search"
        part="filter-input"
        autocomplete="off"
        spellcheck="false"
        placeholder=${s.filterPlaceholder}
        .value=${live(this.query)}
        @input=${this.onFilterInput}
      />
      <span class="count" role="status">${s.shownCount(shown, total)}</span>
    </div>`;
  }

  private renderMessage(s: Strings): TemplateResult {
    const notice = this.connector.notice;
    const shown = notice ?? this.message;
    const icon = shown?.tone === 'error' ? warningIcon : shown?.tone === 'success' ? checkIcon : nothing;
    const spinner = this.connector.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing;
    return html`<div class="messages">
      <p class="message ${shown?.tone ?? ''}" part="message" role="status">
        ${shown ? html`${spinner}${icon}<span>${shown.text}</span>` : nothing}
      </p>
      ${notice?.retry ? html`<button type="button" class="quiet" @click=${this.onRetryConnect}>${s.retry}</button>` : nothing}
      ${notice?.offerAddNew
        ? html`<button type="button" class="quiet" @click=${this.onAdd}>${s.addAsNewConnection}</button>`
        : nothing}
    </div>`;
  }

  private renderConfirm(s: Strings): TemplateResult {
    const connection = this.confirming;
    return html`<dialog
      id="confirm"
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${this.onConfirmClose}
    >
      <h3 id="confirm-title">${s.confirmDeleteTitle}</h3>
      <p id="confirm-text">${connection ? s.confirmDelete(connection.accountName, connection.accountId) : ''}</p>
      <div class="confirm-actions">
        <button type="button" part="cancel-button" autofocus @click=${() => this.settleConfirm(false)}>
          ${s.cancel}
        </button>
        <button type="button" class="danger" part="confirm-button" @click=${() => this.settleConfirm(true)}>
          ${s.confirmDeleteButton}
        </button>
      </div>
    </dialog>`;
  }

  // ---- user actions ----

  private readonly onSortClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('[data-sort]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    this.sort = nextSort(this.sort, button.dataset.sort as SortKey);
  };

  private readonly onFilterInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
  };

  /** One listener for every row's buttons: no closure per row and per render. */
  private readonly onRowClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action]');
    const id = button?.closest('tr')?.dataset.id;
    if (!button || id === undefined || button.getAttribute('aria-disabled') === 'true') return;
    const { connections, busy } = this.data.state;
    const connection = connections.find((c) => c.id === id);
    if (!connection || busy.has(id)) return;
    switch (button.dataset.action as RowAction) {
      case 'reconnect':
        // Synchronously, inside the click: the pop-up must open in the user's gesture.
        this.message = undefined;
        this.connector.connect(connection.id);
        break;
      case 'make-main':
        void this.makeMain(connection);
        break;
      case 'refresh':
        void this.refresh(connection);
        break;
      case 'delete':
        this.confirming = connection;
        break;
    }
  };

  private readonly onAdd = (): void => {
    this.message = undefined;
    this.connector.connect();
  };

  private readonly onRetryConnect = (): void => {
    this.connector.connect(this.connector.lastConnectionId);
  };

  private readonly onRetryLoad = (): void => {
    this.data.retry();
  };

  /** Escape closed the confirmation (the buttons settle it themselves). */
  private readonly onConfirmClose = (): void => {
    if (this.confirming) this.settleConfirm(false);
  };

  private settleConfirm(confirmed: boolean): void {
    const connection = this.confirming;
    this.confirming = undefined;
    if (this.confirmDialog?.open) this.confirmDialog.close();
    if (!connection) return;
    // Back on the trash button either way; a delete then moves it on when the row goes.
    this.rowButton(connection.id, 'delete')?.focus();
    if (confirmed) void this.deleteConnection(connection);
  }

  private async deleteConnection(connection: Connection): Promise<void> {
    const { store } = this.data;
    const sourceId = this.source;
    // Gone already (deleted in another widget while the confirmation was open): nothing to do.
    if (!store?.get(sourceId).connections.some((c) => c.id === connection.id)) return;
    if (!this.dispatchEvent(new DeleteRequestEvent({ sourceId, connection }))) return;
    // The row goes at once (optimistic): focus moves to the row taking its place, or the one above.
    const view = this.view.get(this.data.state.connections, this.sort, this.query, this.data.locale);
    const rows = view.rows.filter(view.shows);
    const index = rows.findIndex((c) => c.id === connection.id);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    this.refocus = () => (neighbour && this.rowButton(neighbour.id, 'delete')) || this.addButton;
    try {
      const removed = await store.remove(sourceId, connection.id);
      this.dispatchEvent(new ConnectionRemovedEvent({ sourceId, connection: removed }));
      this.say('success', this.texts.deleted(removed.accountName));
    } catch (error) {
      this.fail('delete', connection, error, this.texts.deleteFailed(connection.accountName));
    }
  }

  private async makeMain(connection: Connection): Promise<void> {
    const { store } = this.data;
    const sourceId = this.source;
    if (!store || !this.dispatchEvent(new MakeMainRequestEvent({ sourceId, connection }))) return;
    const previous = mainConnection(store.get(sourceId));
    // The Make main button disappears from a main row: keep focus in that row.
    this.refocus = () => this.rowButton(connection.id);
    try {
      const updated = await store.makeMain(sourceId, connection.id);
      this.dispatchEvent(new MainChangedEvent({ sourceId, connection: updated, previous }));
      this.say('success', this.texts.madeMain(updated.accountName));
    } catch (error) {
      this.fail('make-main', connection, error, this.texts.makeMainFailed(connection.accountName));
    }
  }

  private async refresh(connection: Connection): Promise<void> {
    const { store } = this.data;
    const sourceId = this.source;
    if (!store) return;
    try {
      const updated = await store.refresh(sourceId, connection.id);
      this.dispatchEvent(new RefreshRequestedEvent({ sourceId, connection: updated }));
      this.say('success', this.texts.refreshRequested(updated.accountName));
    } catch (error) {
      this.fail('refresh', connection, error, this.texts.refreshFailed(connection.accountName));
    }
  }

  private say(tone: Message['tone'], text: string): void {
    this.connector.dismiss();
    this.message = { tone, text };
  }

  private fail(action: DswAction, connection: Connection, error: unknown, text: string): void {
    const s = this.texts;
    if (error instanceof DswError) {
      this.dispatchEvent(new DswErrorEvent({ error, action, sourceId: this.source, connectionId: connection.id }));
    }
    // The endpoint's own words help with a refused request (409: "Re-connect this account
    // first."); a server crash's or a network error's do not.
    if (error instanceof HttpError && error.status < 500) this.say('error', s.failureReason(text, error.message));
    else if (error instanceof DswError && error.kind === 'unauthorized') this.say('error', s.failureReason(text, s.unauthorized));
    else this.say('error', text);
  }

  /** A row's button for `action`, or its first one. */
  private rowButton(id: string, action?: RowAction): HTMLElement | null {
    const selector = action ? `[data-action="${action}"]` : '[data-action]';
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] ${selector}`);
  }
}

/** The focused element, looking inside shadow roots (the opener is often in one). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

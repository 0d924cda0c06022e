import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { SourceWidget } from '../base/source-widget.js';
import type { Connection } from '../api/types.js';
import { ModalController } from '../controllers/modal-controller.js';
import { RovingTabindex } from '../controllers/roving-tabindex.js';
import { DialogClosedEvent } from '../events/dialog-closed.js';
import { DialogOpenedEvent } from '../events/dialog-opened.js';
import { controls } from '../styles/controls.js';
import { closeIcon, plugIcon } from '../styles/icons.js';
import { tokens } from '../styles/tokens.js';
import { bodyView } from './body-view.js';
import { confirmView } from './confirm-view.js';
import { messageView } from './message-view.js';
import { dialogStyles } from './connection-settings-dialog.styles.js';
import { DialogPanels, panelStyles, type DialogView } from './panels.js';
import { refocusAfter, rowButton, rowStops, type RowAction } from './rows.js';
import { RowsViewCache, nextSort, type SortKey, type SortState } from './rows-view.js';
import { TimestampTooltip } from './timestamp-tooltip.js';
import { SelectionStep, selectionStyles } from './selection-step.js';
import { WindowedRows } from './windowed-rows.js';

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
 * @csspart reconnect-button - A failing or Expiring row's Re-connect button.
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
 * @csspart links - The Links view; also `links-button` (footer), `back-button`, `link-form`, `create-link-button`, `created-link`, `copy-link-button`, `email-link-button`, `pending-links`, `pending-link`, `revoke-link-button`.
 * @csspart history - The History view; also `history-button` (footer), `what-happened-button` (a failing row), `history-filter`, `history-list`, `history-event`, `show-older-button`.
 * @csspart selection - The step where the user chooses which of the accounts a sign-in reached to connect.
 *
 * @cssprop --dsw-dialog-inline-size - The dialog's width (default 64 times the user's font size, within the viewport).
 * @cssprop --dsw-dialog-max-block-size - The dialog's maximum height (default 48 times the user's font size, within the viewport).
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
 * @cssprop --dsw-color-warning - Expiring status and the outline of its Re-connect button.
 * @cssprop --dsw-color-focus - The focus ring.
 * @cssprop --dsw-focus-ring-width - Width of the focus ring (default 2px).
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
 * @fires {ConnectionReconnectedEvent} dsw-connection-reconnected - An account in error or Expiring was re-authorized.
 * @fires {ConnectionExpiringEvent} dsw-connection-expiring - The open dialog showed an Expiring account, the first time on this page.
 * @fires {ConnectLinkCreatedEvent} dsw-connect-link-created - A connect link was created (the Links view).
 * @fires {ConnectLinkUsedEvent} dsw-connect-link-used - A pending link this dialog knew was used: `detail.connection` is the new account.
 * @fires {ConnectLinkRevokedEvent} dsw-connect-link-revoked - The user revoked a pending link.
 * @fires {ConnectLinkExpiredEvent} dsw-connect-link-expired - A pending link this dialog knew expired unused.
 * @fires {AccountSelectionShownEvent} dsw-account-selection-shown - A sign-in reached several accounts: the dialog shows the step to choose among them (opened for it when the sign-in started in a card or banner).
 * @fires {AccountSelectionConfirmedEvent} dsw-account-selection-confirmed - The chosen accounts are connected (after one `dsw-connection-added` or `dsw-connection-reconnected` each).
 * @fires {AccountSelectionCancelledEvent} dsw-account-selection-cancelled - The user left the selection (Cancel, Escape, closing): nothing was connected.
 * @fires {DswErrorEvent} dsw-error - A load or an action failed; `detail.error.kind` says how, `detail.action` what.
 */
export class ConnectionSettingsDialog extends SourceWidget {
  static override styles = [tokens, controls, dialogStyles, selectionStyles, panelStyles];

  /** Whether the dialog is open. Reflects; setting it opens or closes the dialog. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** What the dialog shows: `accounts` (the table), `links` (connect links) or `history`. */
  @property({ reflect: true }) view: DialogView = 'accounts';

  @state() private sort?: SortState;
  @state() private query = '';
  /** The account whose delete confirmation is open. */
  @state() private confirming?: Connection;
  @query('#dialog') private dialog?: HTMLDialogElement;
  @query('#confirm') private confirmDialog?: HTMLDialogElement;
  @query('#tip') private tip?: HTMLElement;
  @query('#add') private addButton?: HTMLButtonElement;

  private readonly modal = new ModalController(this, {
    dialog: () => this.dialog,
    onEscape: (event) => this.onEscape(event),
    onClosed: () => this.afterClose(),
  });
  private readonly confirmModal = new ModalController(this, {
    dialog: () => this.confirmDialog,
    onEscape: () => this.settleConfirm(false),
    onClosed: () => this.settleConfirm(false), // closed by the browser: a cancel
  });
  private readonly tooltip = new TimestampTooltip(this, () => this.tip, () => this.l10n.locale);
  private readonly rowsView = new RowsViewCache();
  private readonly windowed = new WindowedRows(this, () => this.renderRoot.querySelector<HTMLElement>('.body'));
  private readonly panels = new DialogPanels(this, this.data, this.l10n);
  private readonly selection = new SelectionStep(this, this.data, this.l10n, () => this.addButton);
  /** Runs after the next render, when an action removed the focused button. */
  private refocus?: () => HTMLElement | null | undefined;
  private focusedRow?: string; // the row that had focus before this update

  constructor() {
    super();
    new RovingTabindex(this, rowStops); // one Tab stop per row
    this.actions.onStart((action, connection) => {
      this.refocus = refocusAfter(action, connection, this.windowed, this.renderRoot, () => this.addButton) ?? this.refocus;
    });
  }

  /** Opens the dialog (same as `open = true`). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (same as `open = false`); focus returns to the element that opened it. */
  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open && !this.modal.isOpen) this.modal.rememberOpener();
    this.focusedRow = this.shadowRoot?.activeElement?.closest('tr')?.dataset.id;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.syncOpen();
    if (this.confirming) this.confirmModal.show(rowButton(this.renderRoot, this.confirming.id, 'delete'));
    const refocus = this.refocus;
    this.refocus = undefined;
    // Only when the update took focus away with the button it removed: the action's own choice,
    // else the row the user was in (a Re-connect that worked), else Add.
    const lost = [null, undefined, this.dialog as Element].includes(this.shadowRoot?.activeElement);
    if (refocus && lost) refocus()?.focus();
    else if (lost && this.focusedRow && this.modal.isOpen) (rowButton(this.renderRoot, this.focusedRow) ?? this.addButton)?.focus();
  }

  private syncOpen(): void {
    if (this.open && !this.modal.isOpen && this.dialog) {
      this.modal.show();
      this.dispatchEvent(new DialogOpenedEvent({ sourceId: this.source }));
      this.data.revalidate();
    } else if (!this.open && this.modal.isOpen) {
      this.settleConfirm(false);
      this.modal.close();
    }
  }

  /** The confirmation closes alone; a filled filter is cleared first; else the dialog closes. */
  private onEscape(event: KeyboardEvent): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value) this.query = '';
    else this.close();
  }

  protected override expiringShown(): readonly Connection[] {
    return this.open ? this.expiry.connections() : [];
  }

  private afterClose(): void {
    this.tooltip.hide();
    this.confirming = undefined;
    this.open = false;
    this.view = 'accounts';
    this.dispatchEvent(new DialogClosedEvent({ sourceId: this.source }));
  }

  protected override render(): TemplateResult {
    const s = this.panels.strings;
    const state = this.data.state;
    const name = state.source?.name;
    const logo = state.source?.logoUrl && this.data.store?.client.resolveUrl(state.source.logoUrl);
    const view = this.open && state.status === 'ready' ? this.rowsView.get(state.connections, this.sort, this.query, this.l10n.locale) : undefined;
    return html`<dialog id="dialog" class="root" part="dialog" aria-labelledby="title" @keydown=${this.modal.onKeydown} @close=${this.modal.onClose}>
      <header part="header">
        <slot name="logo">${logo ? html`<img class="logo" src=${logo} alt="" width="28" height="28" />` : nothing}</slot>
        <h2 id="title" part="title">${name ? s.dialogTitle(name) : s.connectionSettings}</h2>
        <button type="button" class="quiet icon close" part="close-button" aria-label=${s.close} @click=${this.close}>
          ${closeIcon}
        </button>
      </header>
      <div class="body" part="body">
        ${this.selection.render() ?? (this.open
          ? this.panels.render(() => bodyView({
              state,
              hasStore: !!this.data.store,
              view,
              // The row being confirmed for deletion stays rendered: its trash button gets focus back.
              items: view && this.windowed.items(view.rows, [this.confirming?.id]),
              sort: this.sort,
              query: this.query,
              strings: s,
              locale: this.l10n.locale,
              onSortClick: this.onSortClick,
              onRowClick: this.onRowClick,
              onRowKeydown: this.windowed.onKeydown,
              onFilterInput: this.onFilterInput,
              onRetryLoad: this.onRetryLoad,
              retryIn: this.data.retrySeconds,
              expiry: this.expiry,
            }))
          : nothing)}
      </div>
      <footer part="footer">
        ${messageView(this.actions, this.actions.pending, s)}${this.selection.active ? nothing : this.panels.footer()}
        <button id="add" type="button" class="primary" part="add-button" ?hidden=${this.selection.active} data-prefetch="authorization" aria-busy=${this.actions.pending ? 'true' : 'false'} @click=${this.onAdd}>
          ${plugIcon}${s.addOrUpdate}
        </button>
      </footer>
      ${confirmView(this.confirming, s, this.confirmModal, (confirmed) => this.settleConfirm(confirmed))}
      <div id="tip" class="tooltip" role="tooltip" .popover=${'manual'} part="tooltip"></div>
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
    const action = button.dataset.action as RowAction;
    // Re-connect synchronously, inside the click: the pop-up must open in the user's gesture.
    if (action === 'reconnect') this.actions.reconnect(connection);
    else if (action === 'make-main') void this.actions.makeMain(connection);
    else if (action === 'refresh') void this.actions.refresh(connection);
    else this.confirming = connection;
  };

  private readonly onAdd = (): void => this.actions.add();

  private readonly onRetryLoad = (): void => this.data.retry();

  private settleConfirm(confirmed: boolean): void {
    const connection = this.confirming;
    this.confirming = undefined;
    // Focus goes back on the trash button either way; a delete then moves it on when the row goes.
    this.confirmModal.close();
    if (connection && confirmed) void this.actions.remove(connection);
  }
}

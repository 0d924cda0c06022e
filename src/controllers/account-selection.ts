import { DswError, HttpError } from '../api/errors.js';
import { cancelSelection, confirmSelection } from '../api/selection.js';
import type { Connection, SelectableAccount } from '../api/types.js';
import { AccountSelectionCancelledEvent } from '../events/account-selection-cancelled.js';
import { AccountSelectionConfirmedEvent } from '../events/account-selection-confirmed.js';
import { AccountSelectionShownEvent } from '../events/account-selection-shown.js';
import { ConnectionAddedEvent } from '../events/connection-added.js';
import { ConnectionReconnectedEvent } from '../events/connection-reconnected.js';
import { DswErrorEvent } from '../events/error.js';
import { enSelection } from '../strings/en-selection.js';
import type { Strings } from '../strings/strings.js';
import type { AccountSelectionRequest, Notice } from './connect-controller.js';
import type { LocaleController } from './locale-controller.js';
import type { SourceController, SourceHost } from './source-controller.js';

/**
 * The account selection after a sign-in that reached several accounts: which accounts are
 * checked (the connected ones from the start), the search, the main account, and the workflow of
 * confirming (the endpoint connects the chosen accounts, the store reloads, one event per
 * connection, then `dsw-account-selection-confirmed`) or cancelling (nothing is connected, and the
 * notice says so). The view lives with the settings dialog (`selection-step.ts`).
 */
export class AccountSelection {
  request?: AccountSelectionRequest;
  /** Account IDs of the checked accounts. */
  readonly chosen = new Set<string>();
  query = '';
  /** Why Connect did nothing or failed; shown (and announced) in the step. */
  problem?: string;
  busy = false;
  /** The main account the user picked; the first chosen one otherwise. */
  private picked?: string;
  private settle?: (notice: Notice | undefined) => void;
  private filtered?: { accounts: SelectableAccount[]; query: string; shown: SelectableAccount[] };
  private merged?: { from: Strings; strings: Strings };

  constructor(
    private readonly host: SourceHost,
    private readonly source: SourceController,
    private readonly l10n: LocaleController,
  ) {}

  get active(): boolean {
    return this.request !== undefined;
  }

  /** Shows `request`; resolves once the user confirmed (and the endpoint agreed) or cancelled. */
  begin(request: AccountSelectionRequest): Promise<Notice | undefined> {
    // A newer sign-in replaces a choice still open: that one ends as cancelled.
    if (this.request) this.cancel();
    this.request = request;
    this.chosen.clear();
    for (const account of request.accounts) if (account.connectionId) this.chosen.add(account.accountId);
    this.query = '';
    this.problem = this.picked = undefined;
    this.busy = false;
    const { sourceId, accounts } = request;
    this.host.dispatchEvent(new AccountSelectionShownEvent({ sourceId, accounts }));
    this.host.requestUpdate();
    return new Promise((resolve) => (this.settle = resolve));
  }

  /** The accounts the search shows, in the endpoint's order; the same array while nothing changed. */
  get shown(): SelectableAccount[] {
    const accounts = this.request?.accounts ?? [];
    const { query } = this;
    if (this.filtered?.accounts !== accounts || this.filtered.query !== query) {
      const needle = query.trim().toLocaleLowerCase(this.l10n.locale);
      const shown = needle
        ? accounts.filter((a) => a.accountName.toLocaleLowerCase(this.l10n.locale).includes(needle) || a.accountId.toLowerCase().includes(needle))
        : accounts;
      this.filtered = { accounts, query, shown };
    }
    return this.filtered.shown;
  }

  /** The checked accounts, in the endpoint's order. */
  get chosenAccounts(): SelectableAccount[] {
    return (this.request?.accounts ?? []).filter((a) => this.chosen.has(a.accountId));
  }

  /** The account that becomes main: the one picked while it stays checked, else the first checked. */
  get main(): string | undefined {
    if (this.picked !== undefined && this.chosen.has(this.picked)) return this.picked;
    return this.chosenAccounts[0]?.accountId;
  }

  toggle(accountId: string, checked: boolean): void {
    if (checked) this.chosen.add(accountId);
    else this.chosen.delete(accountId);
    this.changed();
  }

  /** Checks every account shown, or unchecks them all when every one is checked already. */
  toggleAll(): void {
    const shown = this.shown;
    const all = shown.every((a) => this.chosen.has(a.accountId));
    for (const { accountId } of shown) {
      if (all) this.chosen.delete(accountId);
      else this.chosen.add(accountId);
    }
    this.changed();
  }

  pickMain(accountId: string): void {
    this.picked = accountId;
    this.changed();
  }

  search(query: string): void {
    this.query = query;
    this.host.requestUpdate();
  }

  async confirm(): Promise<void> {
    const { request, source } = this;
    const store = source.store;
    if (!request || !store || this.busy) return;
    const accountIds = this.chosenAccounts.map((a) => a.accountId);
    if (!accountIds.length) {
      this.problem = this.strings.selectionEmpty;
      return this.host.requestUpdate();
    }
    const { sourceId, state } = request;
    this.busy = true;
    this.problem = undefined;
    this.host.requestUpdate();
    let connections: Connection[];
    try {
      connections = await confirmSelection(store.client, state, { accountIds, mainAccountId: this.main });
      await store.reload(sourceId);
    } catch (error) {
      if (this.request !== request) return;
      this.busy = false;
      if (error instanceof DswError) this.host.dispatchEvent(new DswErrorEvent({ error, action: 'connect', sourceId }));
      // Too late (410), or made already (409): this choice cannot be sent again; a new sign-in can.
      if (error instanceof HttpError && (error.status === 410 || error.status === 409)) {
        return this.end({ tone: 'error', text: this.strings.selectionExpired, retry: true });
      }
      // The endpoint's words when it refused the choice (a 4xx), as the other actions say them.
      const { selectionFailed, failureReason } = this.strings;
      this.problem = error instanceof HttpError && error.status < 500 ? failureReason(selectionFailed, error.message) : selectionFailed;
      return this.host.requestUpdate();
    }
    const connected = new Set(request.accounts.flatMap((a) => a.connectionId ?? []));
    // The store's rows, which the reload brought: the same objects every widget now shows.
    const rows = store.get(sourceId).connections;
    const current = connections.map((c) => rows.find((row) => row.id === c.id) ?? c);
    for (const connection of current) {
      const event = connected.has(connection.id)
        ? new ConnectionReconnectedEvent({ sourceId, connection })
        : new ConnectionAddedEvent({ sourceId, connection });
      this.host.dispatchEvent(event);
    }
    const main = current.find((c) => c.role === 'main');
    this.host.dispatchEvent(new AccountSelectionConfirmedEvent({ sourceId, connections: current, ...(main && { main }) }));
    this.end({ tone: 'success', text: this.strings.accountsConnected(current.length) });
  }

  /**
   * Nothing is connected; the endpoint is told so (it drops the choice), and the notice says so.
   * Not while the choice is on its way: its answer decides (the dialog may close meanwhile).
   */
  cancel(): void {
    const { request } = this;
    if (!request || this.busy) return;
    const client = this.source.store?.client;
    // Best effort: a choice the endpoint is not told about expires there by itself.
    if (client) cancelSelection(client, request.state).catch(() => {});
    this.host.dispatchEvent(new AccountSelectionCancelledEvent({ sourceId: request.sourceId }));
    this.end({ tone: 'info', text: this.strings.selectionCancelled });
  }

  private end(notice: Notice): void {
    const settle = this.settle;
    this.request = this.settle = this.filtered = undefined;
    this.chosen.clear();
    this.busy = false;
    this.problem = undefined;
    this.host.requestUpdate();
    settle?.(notice);
  }

  private changed(): void {
    this.problem = undefined;
    this.host.requestUpdate();
  }

  /**
   * The widget's texts with the selection's English under them: `en` leaves those out (a page of
   * cards need not carry them), so they ship here, with the only code that shows them. Locales and
   * overrides have them, and win. The same object while the widget's texts stay the same.
   */
  get strings(): Strings {
    const from = this.l10n.strings;
    if (this.merged?.from !== from) this.merged = { from, strings: { ...enSelection, ...from } };
    return this.merged.strings;
  }
}

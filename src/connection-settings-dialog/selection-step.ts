import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SelectableAccount } from '../api/types.js';
import { AccountSelection } from '../controllers/account-selection.js';
import type { AccountSelectionRequest, Notice, SelectAccounts } from '../controllers/connect-controller.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { SourceController } from '../controllers/source-controller.js';
import type { Strings } from '../strings/strings.js';
import { warningIcon } from '../styles/icons.js';
import { deepActiveElement, focusNextAfter } from '../views/focus.js';
import { blockSize } from './spacer-row.js';

export { selectionStyles } from './selection.styles.js';

/** What the step needs of the dialog. */
export interface SelectionHost extends ReactiveControllerHost, HTMLElement {
  source: string;
  chooseAccounts?: SelectAccounts;
  open: boolean;
  show(): void;
  close(): void;
}

/** Rows rendered beyond each edge of the list's viewport. */
const OVERSCAN = 8;
/** A row's height (2.75rem at 16px) until one is measured; every row has the same (one line). */
const FIRST_ESTIMATE = 44;

/**
 * The account selection step of the settings dialog: it takes the dialog's body while the user
 * chooses which of the accounts a sign-in reached to connect (the dialog keeps the host's brand).
 * The list is windowed, as the accounts table is (windowed-rows.ts), but simpler: its rows are one
 * line each, so one measured height places them all. One checkbox is in the tab order (roving
 * tabindex: arrows, Page keys, Home and End move between accounts, Space checks), and it stays
 * rendered wherever the list scrolls, so focus is never dropped.
 *
 * Focus goes to the search box when the step opens, and to Add when it ends in a dialog that was
 * open before (one opened for the step closes, and its opener gets focus back).
 */
export class SelectionStep implements ReactiveController {
  readonly selection: AccountSelection;
  private scrollTop = 0;
  private viewport = 0;
  private rowHeight = FIRST_ESTIMATE;
  /** The account whose checkbox is in the tab order. */
  private current?: string;
  private window = { start: 0, end: 0 };

  constructor(
    private readonly host: SelectionHost,
    private readonly source: SourceController,
    l10n: LocaleController,
    /** Where focus goes when the step ends in a dialog that stays open. */
    private readonly after: () => HTMLElement | null | undefined,
  ) {
    this.selection = new AccountSelection(host, source, l10n);
    host.addController(this);
    // The dialog's own sign-ins (Add, Re-connect) and those of the card or banner that opened it.
    host.chooseAccounts = (request) => this.run(request);
  }

  get active(): boolean {
    return this.selection.active;
  }

  hostConnected(): void {
    this.host.addEventListener('dsw-dialog-closed', this.onClosed);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dsw-dialog-closed', this.onClosed);
    this.selection.cancel();
  }

  hostUpdated(): void {
    const scroller = this.scroller();
    const row = scroller?.querySelector<HTMLElement>('li.pick');
    if (!scroller || !row) return;
    this.viewport = scroller.clientHeight;
    const height = row.getBoundingClientRect().height;
    if (height && Math.abs(height - this.rowHeight) > 0.5) {
      this.rowHeight = height;
      // The spacers change with it; not during this update (Lit warns of updates in updates).
      requestAnimationFrame(() => this.host.requestUpdate());
    }
  }

  /** Shows the dialog on the step; resolves with what to announce once the user is done. */
  async run(request: AccountSelectionRequest): Promise<Notice | undefined> {
    const host = this.host;
    const opened = !host.open;
    host.show();
    const ending = this.selection.begin(request);
    this.scrollTop = 0;
    this.current = undefined;
    void host.updateComplete.then(() => this.find<HTMLInputElement>('#selection-search')?.focus());
    const notice = await ending;
    if (opened) {
      host.close();
      await host.updateComplete;
      await this.refocusWidget();
    } else {
      await host.updateComplete;
      const active = host.shadowRoot?.activeElement;
      if (!active || active.localName === 'dialog') this.after()?.focus();
    }
    return notice;
  }

  /**
   * After the dialog opened for the step closed, focus went back to the element that had it; when
   * that one is gone (the card's Connect, replaced by Connection settings once connected), the
   * first control of the widget the dialog lives in gets it (else the next one on the page),
   * never the page's <body>.
   */
  private async refocusWidget(): Promise<void> {
    const root = this.host.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    await (root.host as Partial<ReactiveControllerHost>).updateComplete;
    const active = deepActiveElement();
    if (active && active !== document.body && !active.shadowRoot) return;
    const first = root.querySelector<HTMLElement>('button:not([disabled]), a[href]');
    // A banner that the choice mended renders nothing: the next control on the page, as its Dismiss does.
    if (first) first.focus();
    else focusNextAfter(root.host);
  }

  /** The step, while a choice is open; undefined otherwise (the dialog shows its table). */
  render(): TemplateResult | undefined {
    const { selection } = this;
    if (!selection.active) return undefined;
    const s = selection.strings;
    const accounts = selection.request?.accounts ?? [];
    const shown = selection.shown;
    const chosen = selection.chosenAccounts;
    const allShown = shown.length > 0 && shown.every((a) => selection.chosen.has(a.accountId));
    const someShown = shown.some((a) => selection.chosen.has(a.accountId));
    const main = selection.main;
    const source = this.host.source;
    return html`<section class="selection" part="selection" aria-labelledby="selection-title" aria-busy=${selection.busy ? 'true' : 'false'}>
      <h3 id="selection-title" tabindex="-1">${s.selectionTitle}</h3>
      <p class="selection-intro">${s.selectionIntro(accounts.length, this.sourceName ?? source)}</p>
      <div class="selection-tools">
        <label for="selection-search">${s.selectionSearch}</label>
        <input
          id="selection-search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${s.filterPlaceholder}
          .value=${live(selection.query)}
          @input=${this.onSearch}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div class="selection-head">
        <label class="select-all">
          <input type="checkbox" .checked=${live(allShown)} .indeterminate=${someShown && !allShown} ?disabled=${!shown.length} @change=${this.onToggleAll} />
          ${s.selectAll}
        </label>
        <p class="count" role="status">${s.selectedCount(chosen.length, accounts.length)}</p>
      </div>
      <div class="picks" @scroll=${this.onScroll}>
        ${shown.length
          ? html`<ul aria-labelledby="selection-title" @change=${this.onPick} @keydown=${this.onListKeydown}>
              ${this.rows(shown, accounts, s)}
            </ul>`
          : html`<p class="no-match">${s.noMatch(selection.query.trim())}</p>`}
      </div>
      ${chosen.length
        ? html`<div class="main-choice">
            <label for="selection-main">${s.mainAccount}</label>
            <select id="selection-main" @change=${this.onMain}>
              ${repeat(
                chosen,
                (a) => a.accountId,
                (a) => html`<option value=${a.accountId} dir="auto" ?selected=${a.accountId === main}>${a.accountName}</option>`,
              )}
            </select>
          </div>`
        : nothing}
      <p class="problem" role="alert">${selection.problem ? html`${warningIcon}<span>${selection.problem}</span>` : nothing}</p>
      <div class="selection-actions">
        <button type="button" @click=${this.onCancel}>${s.cancel}</button>
        <button type="button" class="primary" aria-busy=${selection.busy ? 'true' : 'false'} @click=${this.onConfirm}>
          ${selection.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.connectAccounts(chosen.length)}
        </button>
      </div>
    </section>`;
  }

  /** The rows near the list's viewport, the one in the tab order wherever it is, spacers for the rest. */
  private rows(shown: SelectableAccount[], accounts: SelectableAccount[], s: Strings): TemplateResult {
    const n = shown.length;
    const h = this.rowHeight;
    const viewport = this.viewport || 20 * h;
    const start = Math.max(0, Math.floor(this.scrollTop / h) - OVERSCAN);
    const end = Math.min(n, Math.ceil((this.scrollTop + viewport) / h) + OVERSCAN);
    this.window = { start, end };
    let current = shown.findIndex((a) => a.accountId === this.current);
    if (current < 0) {
      current = 0;
      this.current = shown[0]?.accountId;
    }
    const indexes = [...(current < start ? [current] : []), ...range(start, end), ...(current >= end ? [current] : [])];
    const items: Item[] = [];
    let cursor = 0;
    for (const i of indexes) {
      if (i > cursor) items.push({ key: spacerKey(items.length), rows: i - cursor });
      items.push({ key: shown[i]!.accountId, index: i });
      cursor = i + 1;
    }
    if (n > cursor) items.push({ key: spacerKey(items.length), rows: n - cursor });
    // Keyed: a row keeps its element (and its focus) while the window moves around it.
    return html`${repeat(
      items,
      (item) => item.key,
      (item) =>
        item.index === undefined
          ? spacer(item.rows, h)
          : this.row(shown[item.index]!, item.index, n, accounts.indexOf(shown[item.index]!), item.index === current, s),
    )}`;
  }

  private row(account: SelectableAccount, index: number, count: number, id: number, current: boolean, s: Strings): TemplateResult {
    return html`<li class="pick" aria-setsize=${count} aria-posinset=${index + 1} data-id=${account.accountId}>
      <input type="checkbox" id="pick-${id}" tabindex=${current ? 0 : -1} .checked=${live(this.selection.chosen.has(account.accountId))} />
      <label for="pick-${id}">
        <span class="pick-name data" dir="auto">${account.accountName}</span>
        <span class="pick-id data" dir="auto">${account.accountId}</span>
        ${account.connectionId ? html`<span class="badge connected">${s.alreadyConnected}</span>` : nothing}
      </label>
    </li>`;
  }

  private get sourceName(): string | undefined {
    return this.source.state.source?.name;
  }

  private scroller(): HTMLElement | null {
    return this.find<HTMLElement>('.picks');
  }

  private find<T extends Element>(selector: string): T | null {
    return this.host.shadowRoot?.querySelector<T>(selector) ?? null;
  }

  /** Moves the roving checkbox to row `index` of the shown accounts, scrolling it into view. */
  private async moveTo(index: number): Promise<void> {
    const shown = this.selection.shown;
    const account = shown[Math.max(0, Math.min(shown.length - 1, index))];
    const scroller = this.scroller();
    if (!account || !scroller) return;
    this.current = account.accountId;
    const i = shown.indexOf(account);
    const top = i * this.rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + this.rowHeight - scroller.clientHeight;
    this.scrollTop = scroller.scrollTop;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.find<HTMLInputElement>(`li[data-id="${CSS.escape(account.accountId)}"] input`)?.focus();
  }

  // After the closing update, not inside it: cancelling renders the dialog again.
  private readonly onClosed = (): void => queueMicrotask(() => this.selection.cancel());

  private readonly onSearch = (event: Event): void => {
    const scroller = this.scroller();
    if (scroller) scroller.scrollTop = 0;
    this.scrollTop = 0;
    this.selection.search((event.target as HTMLInputElement).value);
  };

  /** Escape in a filled search box clears it (the dialog stays open), as the table's filter does. */
  private readonly onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !(event.target as HTMLInputElement).value) return;
    event.preventDefault();
    this.selection.search('');
  };

  private readonly onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    this.scrollTop = scroller.scrollTop;
    this.viewport = scroller.clientHeight;
    const { start, end } = this.window;
    const n = this.selection.shown.length;
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const last = Math.ceil((this.scrollTop + this.viewport) / this.rowHeight);
    // Re-rendered only when fewer than half the spare rows are left beyond an edge.
    if ((start > 0 && first - start < OVERSCAN / 2) || (end < n && end - last < OVERSCAN / 2)) this.host.requestUpdate();
  };

  private readonly onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const id = input.closest<HTMLElement>('li.pick')?.dataset.id;
    if (id === undefined) return;
    this.current = id;
    this.selection.toggle(id, input.checked);
  };

  private readonly onListKeydown = (event: KeyboardEvent): void => {
    const id = (event.target as Element).closest<HTMLElement>('li.pick')?.dataset.id;
    if (id === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    const shown = this.selection.shown;
    const index = shown.findIndex((a) => a.accountId === id);
    const page = Math.max(1, Math.floor((this.viewport || 10 * this.rowHeight) / this.rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: shown.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.moveTo(next);
  };

  private readonly onToggleAll = (): void => this.selection.toggleAll();

  private readonly onMain = (event: Event): void => this.selection.pickMain((event.target as HTMLSelectElement).value);

  private readonly onCancel = (): void => this.selection.cancel();

  private readonly onConfirm = (): void => void this.selection.confirm();
}

type Item = { key: unknown; index: number; rows?: undefined } | { key: unknown; index?: undefined; rows: number };

/** Spacer keys by position: objects, so they never equal an account ID. */
const spacerKeys: object[] = [];
const spacerKey = (position: number) => (spacerKeys[position] ??= {});

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Stands for `rows` rows not rendered; its height set through the CSSOM, which a strict CSP allows. */
const spacer = (rows: number, height: number) => html`<li class="spacer" aria-hidden="true" ${blockSize(rows * height)}></li>`;

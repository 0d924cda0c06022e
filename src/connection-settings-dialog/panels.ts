import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ConnectLinksController } from '../controllers/connect-links.js';
import { HistoryController } from '../controllers/history.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { SourceController, SourceHost } from '../controllers/source-controller.js';
import { watchPendingLinks } from '../store/link-poll.js';
import { withDialogStrings } from '../strings/en-dialog.js';
import type { Strings } from '../strings/strings.js';
import { checkIcon, warningIcon } from '../styles/icons.js';
import { historyView } from './history-view.js';
import { LINK_DAYS, linksView } from './links-view.js';

export { panelStyles } from './panels.styles.js';

/** What the dialog shows: its accounts, the connect links, or the history. */
export type DialogView = 'accounts' | 'links' | 'history';

export interface PanelsHost extends SourceHost {
  view: DialogView;
  renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The dialog's Links and History views: their controllers, templates, footer buttons and
 * focus. The element only says which view shows (`view`) and asks for these templates.
 */
export class DialogPanels implements ReactiveController {
  readonly links: ConnectLinksController;
  readonly history: HistoryController;
  private shown: DialogView = 'accounts';
  /** The button that switched views: focus goes back to it on the way back. */
  private opener?: string;

  constructor(
    private readonly host: PanelsHost,
    private readonly data: SourceController,
    private readonly l10n: LocaleController,
  ) {
    watchPendingLinks();
    this.links = new ConnectLinksController(host, data, l10n);
    this.history = new HistoryController(host, data);
    host.addController(this);
  }

  /** The dialog's texts, with the English only the dialog shows under them (see en-dialog.ts). */
  get strings(): Strings {
    return withDialogStrings(this.l10n.strings);
  }

  hostUpdate(): void {
    const { view } = this.host;
    if (view === this.shown) return;
    const from = this.shown;
    this.shown = view;
    if (from === 'links') this.links.forgetCreated();
    if (from === 'history') this.history.active = this.history.loaded = false;
    if (view === 'links') void this.links.load();
    // Opened by a button, the history is on its way already; set as a property, it starts here.
    if (view === 'history' && !this.history.loading && !this.history.loaded) void this.history.show();
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.onHistoryClick);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('click', this.onHistoryClick);
  }

  hostUpdated(): void {
    if (this.moved === undefined) return;
    const target = this.moved;
    this.moved = undefined;
    const root = this.host.renderRoot;
    (root.querySelector<HTMLElement>(target) ?? root.querySelector<HTMLElement>('#add'))?.focus();
  }

  /** Where focus goes after the next render, when the view changed. */
  private moved?: string;

  /** Shows `view`; from a footer or row button, focus moves to the view's heading. */
  go(view: DialogView, opener?: string): void {
    if (view !== 'accounts') this.opener = opener;
    this.moved = view === 'accounts' ? (this.opener ?? '#add') : '#panel-title';
    this.host.view = view;
  }

  /** The history of one account ("What happened?" on a failing row), or of all ('' from the footer). */
  historyOf(connectionId: string, opener: string): void {
    void this.history.show(connectionId);
    this.go('history', opener);
  }

  /** The body: `accounts()` (the table) in the accounts view, else this view's. */
  render(accounts: () => TemplateResult): TemplateResult {
    if (this.host.view === 'accounts') return accounts();
    const s = this.strings;
    const state = this.data.state;
    const now = this.data.store?.now() ?? Date.now();
    const back = html`<button type="button" class="quiet back" part="back-button" @click=${() => this.go('accounts')}>${s.backToAccounts}</button>`;
    const view =
      this.host.view === 'links'
        ? linksView({
            links: this.links,
            sourceName: state.source?.name ?? this.host.source,
            strings: s,
            locale: this.l10n.locale,
            now,
            onCreate: this.onCreate,
            onRevoke: this.onRevoke,
            onCopy: () => void this.links.copy(),
            onRetry: () => void this.links.load(),
          })
        : historyView({
            history: this.history,
            connections: state.connections,
            strings: s,
            locale: this.l10n.locale,
            now,
            onFilter: (event) => void this.history.show((event.target as HTMLSelectElement).value),
            onMore: () => void this.history.more(),
            onRetry: () => void (this.history.items.length ? this.history.more() : this.history.show(this.history.connectionId)),
          });
    return html`${back}${view}`;
  }

  /** The footer's view buttons and the links' live region. */
  footer(): TemplateResult {
    const s = this.strings;
    const notice = this.links.notice;
    const icon = notice?.tone === 'error' ? warningIcon : notice?.tone === 'success' ? checkIcon : nothing;
    return html`<p class="message ${notice?.tone ?? ''}" part="message" role="status">${notice ? html`${icon}<span>${notice.text}</span>` : nothing}</p>
      ${this.host.view === 'accounts'
        ? html`<button id="show-links" type="button" class="quiet" part="links-button" @click=${() => this.go('links', '#show-links')}>${s.showLinks}</button>
            <button id="show-history" type="button" class="quiet" part="history-button" @click=${() => this.historyOf('', '#show-history')}>${s.showHistory}</button>`
        : nothing}`;
  }

  /** "What happened?" in a failing row (`data-history` holds the connection's ID). */
  private readonly onHistoryClick = (event: Event): void => {
    const button = (event.target as Element).closest?.<HTMLElement>('button[data-history]');
    const id = button?.dataset.history;
    if (id) this.historyOf(id, `[data-history="${CSS.escape(id)}"]`);
  };

  private readonly onCreate = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim() || undefined;
    const days = Number(values.get('days')) || LINK_DAYS[0];
    void this.links.create({ recipient: text('recipient'), note: text('note'), expiresInDays: days }).then((made) => {
      // The form gives way to the new link: focus goes to its URL, ready to copy.
      if (made) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#link-url')?.focus());
    });
  };

  private readonly onRevoke = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('[data-revoke]');
    const link = this.links.links?.find((l) => l.id === button?.dataset.revoke);
    if (!link || button?.getAttribute('aria-disabled') === 'true') return;
    // The item goes: focus moves to the next Revoke, the previous one, or the heading.
    const items = [...this.host.renderRoot.querySelectorAll<HTMLElement>('[data-revoke]')];
    const index = items.indexOf(button!);
    const neighbour = items[index + 1] ?? items[index - 1];
    void this.links.revoke(link).then(() =>
      this.host.updateComplete.then(() => {
        const next = neighbour?.isConnected ? neighbour : this.host.renderRoot.querySelector<HTMLElement>('#panel-title');
        if (!button!.isConnected) next?.focus();
      }),
    );
  };
}

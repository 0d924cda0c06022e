import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { SourceWidget } from '../base/source-widget.js';
import type { Connection } from '../api/types.js';
import { HttpError } from '../api/errors.js';
import type { AccountSelectionRequest, Notice } from '../controllers/connect-controller.js';
import { SettingsOpener } from '../controllers/settings-opener.js';
import { formatList } from '../format/lists.js';
import { failingConnections, type SourceState } from '../store/source-state.js';
import type { Strings } from '../strings/strings.js';
import { controls } from '../styles/controls.js';
import { hourglassIcon, warningIcon } from '../styles/icons.js';
import { tokens } from '../styles/tokens.js';
import { loadFailureText } from '../views/error-text.js';
import { failureIndex, failureStyles, failureView } from '../views/failure-view.js';
import { noticeControls } from '../views/notice-view.js';
import { cardStyles } from './data-source-card.styles.js';

type View =
  | { kind: 'no-endpoint' }
  | { kind: 'loading'; slow: boolean }
  | { kind: 'unknown' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; state: SourceState };

/**
 * One data source: its logo, name and a one-line summary of the connected accounts, with the
 * action that fits: **Connect** while nothing is connected (the authorization pop-up opens
 * directly), **Connection settings** once an account is. A connection in error shows its message
 * inline with a red **Re-connect**. Every load state (skeleton of the loaded height, unreachable
 * endpoint with Retry, expired session, unknown source) renders in place. When refreshing data
 * already shown fails, the data stays and a quiet line says it may be out of date, with Retry.
 *
 * Inside a `<data-source-provider>` it shares that provider's cache; stand-alone it shares one
 * cache per `endpoint` with the other stand-alone widgets. The settings dialog it opens lives in
 * its shadow root, so that dialog's events (`dsw-dialog-opened`, `dsw-connection-removed`, …)
 * bubble out of the card as well.
 *
 * @summary A data source with its connection summary and its Connect / Connection settings action.
 * @tag data-source-card
 *
 * @slot logo - Replaces the logo image (or the initials shown when there is none).
 * @slot actions - Extra actions placed before the card's own button.
 *
 * @csspart card - The card's box.
 * @csspart logo - The logo's frame.
 * @csspart logo-image - The logo image from the endpoint.
 * @csspart initials - The initials shown when there is no logo.
 * @csspart name - The data source's name (a heading).
 * @csspart summary - The one-line summary ("2 accounts", "1 needs attention", "1 expires soon").
 * @csspart actions - The box of the action buttons.
 * @csspart button - Every button of the card.
 * @csspart connect-button - Connect (no account yet).
 * @csspart ask-button - "Ask someone else to connect" (no account yet): the settings dialog's connect links.
 * @csspart settings-button - Connection settings (an account is connected).
 * @csspart retry-button - Retry after a failed load, or after a failed refresh of the data shown.
 * @csspart stale - The line shown when a refresh failed and the data shown may be out of date.
 * @csspart failures - The inline failure box under the connector info.
 * @csspart failure - The failing connection shown.
 * @csspart failure-account - Its account name.
 * @csspart failure-message - Its error message.
 * @csspart reconnect-button - The red Re-connect.
 * @csspart pager - Previous / next when several connections fail.
 * @csspart notice - The result of a connect or re-connect (pending, blocked, cancelled…).
 * @csspart settings-dialog - The settings dialog, rendered on first open.
 *
 * @cssprop --dsw-card-padding - Inner spacing of the card.
 * @cssprop --dsw-card-background - Card background (default: `--dsw-color-surface`).
 * @cssprop --dsw-card-border - Card border shorthand (default: 1px solid `--dsw-color-border`).
 * @cssprop --dsw-card-shadow - Card shadow (default: none).
 * @cssprop --dsw-card-logo-size - Size of the logo square (default: 2.5 times the user's font size).
 * @cssprop --dsw-font-family - Font of every widget.
 * @cssprop --dsw-font-size - Base font size.
 * @cssprop --dsw-radius - Corner radius of cards and buttons.
 * @cssprop --dsw-space - Base spacing unit.
 * @cssprop --dsw-color-surface - Background.
 * @cssprop --dsw-color-surface-alt - Background of the logo frame.
 * @cssprop --dsw-color-text - Text colour.
 * @cssprop --dsw-color-text-muted - Secondary text colour.
 * @cssprop --dsw-color-border - Borders.
 * @cssprop --dsw-color-primary - The Connect button (blue by default).
 * @cssprop --dsw-color-on-primary - Text on the Connect button.
 * @cssprop --dsw-color-settings - The Connection settings button (pink by default).
 * @cssprop --dsw-color-on-settings - Text on the Connection settings button.
 * @cssprop --dsw-color-danger - The Re-connect button and error accents (red by default).
 * @cssprop --dsw-color-on-danger - Text on the Re-connect button.
 * @cssprop --dsw-color-danger-surface - Background of the inline failure.
 * @cssprop --dsw-color-warning - The hourglass of the summary when accounts expire soon.
 * @cssprop --dsw-color-focus - Focus ring.
 * @cssprop --dsw-focus-ring-width - Width of the focus ring (default 2px).
 * @cssprop --dsw-color-skeleton - Loading placeholders.
 *
 * @fires {ConnectRequestEvent} dsw-connect-request - Cancelable, before the authorization pop-up opens (Connect, Re-connect, Retry, "Add it as a new connection").
 * @fires {ConnectionAddedEvent} dsw-connection-added - An authorization added an account (or updated one in place).
 * @fires {ConnectionReconnectedEvent} dsw-connection-reconnected - A failing account was re-authorized.
 * @fires {ConnectionExpiringEvent} dsw-connection-expiring - The summary counted an Expiring account, the first time on this page.
 * @fires {OpenSettingsRequestEvent} dsw-open-settings-request - Cancelable, before the settings dialog opens.
 * @fires {DswErrorEvent} dsw-error - A load this card started, or an authorization, failed.
 */
export class DataSourceCard extends SourceWidget {
  static override styles = [tokens, controls, failureStyles, cardStyles];

  /** The `aria-level` of the name, to fit the page's heading outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Made on first use (most cards never open their settings); see `settingsDialog`. */
  private opener?: SettingsOpener;

  /** The failing connection the user paged to; kept by ID so updates do not move it. */
  @state() private pickedFailure?: string;
  /** A logo URL that failed to load: show the initials instead. */
  @state() private brokenLogo?: string;
  /** Focus was inside the card before this update (see `updated`). */
  private hadFocus = false;

  constructor() {
    super();
    SettingsOpener.prefetch();
  }

  private get settingsDialog(): SettingsOpener {
    return (this.opener ??= new SettingsOpener(this));
  }

  /**
   * @internal A sign-in of this card that reached several accounts: the dialog opens on the
   * choice (the opener, once made, sets the same as its own property).
   */
  override chooseAccounts(request: AccountSelectionRequest): Promise<Notice | false | undefined> {
    return this.settingsDialog.open(request);
  }

  protected override render(): TemplateResult {
    const view = this.view();
    const s = this.l10n.strings;
    // Cut a long name to two lines, with the whole of it on hover (a short one needs neither).
    const long = view.kind !== 'loading' && this.name.length > LONG_TEXT;
    // Whole attribute values, not text around a binding: a binding amid text keeps an array of
    // its values in every card. The notice's boxes are written here (see notice-view.ts): the
    // text is a polite live region, there empty before the first notice so that it is announced.
    const notice = this.actions.notice;
    return html`<article part="card" class="card root" aria-labelledby="name" aria-busy=${view.kind === 'loading' ? 'true' : 'false'}>
        <div class="header">
          <div part="logo" class="logo"><slot name="logo">${this.renderLogo(view)}</slot></div>
          <div class="info">
            <div
              id="name"
              part="name"
              class=${long ? 'name data clamp' : 'name data'}
              role="heading"
              aria-level=${this.headingLevel}
              title=${ifDefined(long ? this.name : undefined)}
            >
              ${view.kind === 'loading'
                ? html`<span class="skeleton line name" aria-hidden="true"></span
                    ><span class="visually-hidden">${s.loading}</span>`
                : this.name}
            </div>
            <p part="summary" class="summary">${this.renderSummary(view, s)}</p>
          </div>
          <div part="actions" class="actions"><slot name="actions"></slot>${this.renderAction(view, s)}</div>
        </div>
        ${view.kind === 'ready' ? this.renderTrouble(view.state, s) : nothing}
        <div part="notice" class="notice" data-tone=${notice?.tone ?? nothing}>
          <p class="notice-text" role="status">${notice?.text ?? nothing}</p>
          ${noticeControls({
            notice,
            strings: s,
            actions: this.actions,
            onDismiss: this.actions.pending ? undefined : this.dismissClicked,
            ofSource: notice ? s.ofSource(this.name) : '',
          })}
        </div>
      </article>`;
  }

  /**
   * The first render waits a moment for the data: data that comes within it (a fast endpoint, a
   * store that has it) renders at once, with no placeholder built, styled, laid out and thrown
   * away; a slower load shows the skeleton after it. The host reserves the card's height meanwhile.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.data.untilSettled(SKELETON_DELAY_MS);
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Still owed from an update that had nothing to give focus to (a Retry that worked shows the
    // loading placeholder first), while nothing else took focus since.
    const lost = this.hadFocus && (!document.activeElement || document.activeElement === document.body);
    this.hadFocus = lost || !!this.shadowRoot?.activeElement;
  }

  protected override updated(): void {
    // An update that removed the focused control (Connect once connected, a Retry that worked, a
    // failure's Re-connect once mended) would drop focus to <body>, sending a keyboard or screen
    // reader user back to the top of the page. The card's own action stands where they were.
    if (this.hadFocus && !this.shadowRoot!.activeElement) {
      this.shadowRoot!.querySelector<HTMLElement>('[part~="settings-button"], [part~="connect-button"], [part~="retry-button"]')?.focus();
    }
  }

  /** The name once known; the source ID until then (unreachable endpoint, unknown source). */
  private get name(): string {
    return this.data.state.source?.name ?? this.source;
  }

  private view(): View {
    const { state, store } = this.data;
    if (!store || !this.source) return { kind: 'no-endpoint' };
    if (state.status === 'ready') return { kind: 'ready', state };
    if (state.status !== 'error' || !state.error) return { kind: 'loading', slow: state.slow };
    if (state.error instanceof HttpError && state.error.status === 404) return { kind: 'unknown' };
    return { kind: 'failed', message: loadFailureText(state.error, this.l10n.strings) };
  }

  /** What the logo slot falls back to: the source's logo, else its initials (none while loading). */
  private renderLogo(view: View): TemplateResult | typeof nothing {
    const logoUrl = this.data.state.source?.logoUrl;
    const url = logoUrl && this.data.store ? this.data.store.client.resolveUrl(logoUrl) : undefined;
    if (url && url !== this.brokenLogo) {
      // Decorative: the name next to it says the same.
      return html`<img part="logo-image" src=${url} alt="" @error=${this.logoFailed} />`;
    }
    return view.kind === 'loading' ? nothing : html`<span part="initials" aria-hidden="true">${initials(this.name)}</span>`;
  }

  private renderSummary(view: View, s: Strings): TemplateResult | string {
    switch (view.kind) {
      case 'no-endpoint':
        return s.noEndpoint;
      case 'loading':
        return view.slow ? s.stillLoading : html`<span class="skeleton line summary" aria-hidden="true"></span>`;
      case 'unknown':
        return s.unknownSource;
      case 'failed':
        return html`${view.message}${this.renderCountdown(s)}`;
      case 'ready': {
        const count = view.state.connections.length;
        if (count === 0) return s.notConnected;
        const failing = failingConnections(view.state).length;
        const expiring = this.expiry.connections().length;
        if (failing === 0 && expiring === 0) return s.accountCount(count);
        const parts = [s.accountCount(count)];
        if (failing) parts.push(s.needsAttention(failing));
        if (expiring) parts.push(s.expiringSoon(expiring));
        const summary = formatList(parts, this.l10n.locale);
        // Expiring alone is calmer than a failure: the hourglass in the warning colour.
        return failing
          ? html`${warningIcon}<span>${summary}</span>`
          : html`<span class="expiring">${hourglassIcon}</span><span>${summary}</span>`;
      }
    }
  }

  /** The summary counts every Expiring account as soon as the card shows its data. */
  protected override expiringShown(): readonly Connection[] {
    return this.data.state.status === 'ready' && this.data.store && this.source ? this.expiry.connections() : [];
  }

  private renderAction(view: View, s: Strings): TemplateResult | typeof nothing {
    // Every state but a quick load offers a way forward: a slow load, a failure, even an
    // unknown source (it may be a moment away from existing) can be tried again.
    if (view.kind === 'loading' && !view.slow) return html`<span class="skeleton button" aria-hidden="true"></span>`;
    if (view.kind === 'loading' || view.kind === 'failed' || view.kind === 'unknown') {
      const retry = this.data.retrySeconds === undefined ? s.retry : s.retryNow;
      return html`<button part="button retry-button" aria-label=${retry + s.ofSource(this.name)} @click=${this.retryClicked}>${retry}</button>`;
    }
    if (view.kind !== 'ready') return nothing;
    if (view.state.connections.length > 0) {
      return html`<button
        class="settings"
        part="button settings-button"
        aria-label=${s.connectionSettings + s.ofSource(this.name)}
        data-prefetch="settings"
        @click=${this.settingsClicked}>
        ${s.connectionSettings}
      </button>`;
    }
    const busy = this.actions.pending && this.actions.lastConnectionId === undefined;
    // Stays enabled while the pop-up is open: another click brings that pop-up to the front.
    return html`<button
        class="quiet"
        part="button ask-button"
        aria-label=${s.askSomeoneElse + s.ofSource(this.name)}
        data-prefetch="settings"
        @click=${this.linksClicked}>
        ${s.askSomeoneElse}
      </button><button
      class="primary"
      part="button connect-button"
      aria-label=${s.connect + s.ofSource(this.name)}
      data-prefetch="authorization"
      aria-busy=${busy ? 'true' : 'false'} @click=${this.connectClicked}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.connect}
    </button>`;
  }

  /**
   * A refresh of the data shown failed (the store keeps `ready` and sets `error`): the data
   * stays, and a quiet line says it may be out of date, as the dialog's `stale` note does. Not a
   * live region: the refresh ran in the background, unasked, and a page of many cards going
   * offline would announce it once per card; the line is there when the user reads the card.
   */
  private renderStale(state: SourceState, s: Strings): TemplateResult | typeof nothing {
    if (!state.error) return nothing;
    const retry = this.data.retrySeconds === undefined ? s.retry : s.retryNow;
    return html`<p part="stale" class="stale">
      <span id="stale-text">${s.revalidateFailed}${this.renderCountdown(s)}</span>
      <button
        class="quiet"
        part="button retry-button"
        aria-label=${retry + s.ofSource(this.name)}
        aria-describedby="stale-text"
        aria-busy=${state.revalidating ? 'true' : 'false'}
        @click=${this.retryClicked}
      >
        ${state.revalidating ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${retry}
      </button>
    </p>`;
  }

  /**
   * A failed refresh and the failing accounts, in one part: both are rare, and a part that
   * renders nothing still costs every card.
   */
  private renderTrouble(state: SourceState, s: Strings): TemplateResult | typeof nothing {
    const stale = this.renderStale(state, s);
    const failures = this.renderFailures(state, s);
    return stale === nothing && failures === nothing ? nothing : html`${stale}${failures}`;
  }

  private renderFailures(state: SourceState, s: Strings): TemplateResult | typeof nothing {
    const failures = failingConnections(state);
    if (failures.length === 0) return nothing;
    const index = failureIndex(failures, this.pickedFailure);
    const current = failures[index]!;
    return html`<div part="failures" class="failures">
      ${failureView({
        failures,
        index,
        strings: s,
        pending: this.actions.pending && this.actions.lastConnectionId === current.id,
        showAccount: true,
        ofSource: s.ofSource(this.name),
        onReconnect: (connection) => this.actions.reconnect(connection),
        onNavigate: (next) => (this.pickedFailure = failures[next]!.id),
      })}
    </div>`;
  }

  /** "Retrying in 40 s…" while the store waits to try again by itself. */
  private renderCountdown(s: Strings): TemplateResult | typeof nothing {
    const seconds = this.data.retrySeconds;
    return seconds === undefined ? nothing : html` <span class="countdown">${s.retryingIn(seconds)}</span>`;
  }

  // Event listeners: methods of the prototype, shared by every card (Lit calls them on the card).

  private retryClicked(): void {
    this.data.retry();
  }

  private settingsClicked(): void {
    void this.settingsDialog.open();
  }

  private linksClicked(): void {
    void this.settingsDialog.open('links');
  }

  private connectClicked(): void {
    this.actions.add();
  }

  private dismissClicked(): void {
    this.actions.dismiss();
  }

  private logoFailed(event: Event): void {
    this.brokenLogo = (event.target as HTMLImageElement).getAttribute('src') ?? undefined;
  }
}

/** How long a card's first render waits for its data before it shows a skeleton (ms). */
const SKELETON_DELAY_MS = 200;

/** Names and messages longer than this may be cut (see `.clamp`) and get a tooltip. */
const LONG_TEXT = 60;

/** "Google Ads" → "GA": a stand-in logo that needs no request. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toLocaleUpperCase())
    .join('');
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { SourceWidget } from '../base/source-widget.js';
import type { Connection } from '../api/types.js';
import type { Notice } from '../controllers/connect-controller.js';
import { isolate } from '../controllers/locale-controller.js';
import { SettingsOpener } from '../controllers/settings-opener.js';
import { formatList } from '../format/lists.js';
import { failingConnections } from '../store/source-state.js';
import type { Strings } from '../strings/strings.js';
import { controls } from '../styles/controls.js';
import { formatTimeUntil } from '../format/dates.js';
import { closeIcon, hourglassIcon, warningIcon } from '../styles/icons.js';
import { tokens } from '../styles/tokens.js';
import { failureIndex, failureStyles, failureView } from '../views/failure-view.js';
import { focusNextAfter } from '../views/focus.js';
import { noticeView } from '../views/notice-view.js';
import { readDismissed, readExpiringDismissed, writeDismissed, writeExpiringDismissed } from './dismissals.js';
import { bannerStyles } from './reconnect-banner.styles.js';

/**
 * Tells the user that an account of a data source stopped working: which account, the
 * endpoint's error message, a red **Re-connect** (re-authorize in a pop-up, then refresh that
 * connection) and a way to open the connection settings. With several failing accounts it says
 * how many and pages through them. When nothing fails but an account's authorization expires
 * soon (see `expiry-warning-days`), it reminds the user in a calmer tone (the warning colour, an
 * outlined Re-connect), and a dismissal of that reminder lasts until the next local day.
 *
 * It renders nothing visible while everything is healthy, loading or dismissed: only an empty
 * live region, so that a failure appearing later is announced politely (no `role="alert"`).
 * Dismissing hides it for the browser session until another connection fails, and moves keyboard
 * focus from the vanished Dismiss button to the next focusable element after the banner in the
 * page (the previous one when nothing follows). The settings dialog it opens lives in its shadow
 * root; that dialog's events bubble out of the banner too.
 *
 * @summary A polite banner for failing (or soon expiring) connections of one data source, with Re-connect.
 * @tag reconnect-banner
 *
 * @csspart banner - The banner's box (a region labelled by its title); class `expiring` for a reminder.
 * @csspart icon - The warning icon.
 * @csspart title - The title ("Account 2 needs to be re-connected", "3 accounts need…").
 * @csspart source - The data source's name above the title.
 * @csspart failure - The failing connection shown.
 * @csspart failure-account - Its account name (when several fail).
 * @csspart failure-message - Its error message.
 * @csspart button - Every button of the banner.
 * @csspart reconnect-button - The red Re-connect.
 * @csspart settings-button - "Open connection settings".
 * @csspart dismiss-button - Dismiss for the session.
 * @csspart pager - Previous / "1 of 3" / next.
 * @csspart notice - The result of a re-connect that needs the user (blocked, cancelled, another account).
 * @csspart settings-dialog - The settings dialog, rendered on first open.
 *
 * @cssprop --dsw-banner-background - Background (default: `--dsw-color-danger-surface`).
 * @cssprop --dsw-banner-border-color - Border and accent (default: `--dsw-color-danger`).
 * @cssprop --dsw-banner-padding - Inner spacing.
 * @cssprop --dsw-color-danger - The Re-connect button and the icon (red by default).
 * @cssprop --dsw-color-on-danger - Text on the Re-connect button.
 * @cssprop --dsw-color-danger-surface - Background of the banner.
 * @cssprop --dsw-color-text - Text colour.
 * @cssprop --dsw-color-text-muted - Secondary text colour.
 * @cssprop --dsw-color-surface - Background of the banner's plain buttons (Retry, Add it as a new connection).
 * @cssprop --dsw-color-border - Border of those buttons.
 * @cssprop --dsw-color-focus - Focus ring.
 * @cssprop --dsw-focus-ring-width - Width of the focus ring (default 2px).
 * @cssprop --dsw-font-family - Font.
 * @cssprop --dsw-font-size - Base font size.
 * @cssprop --dsw-radius - Corner radius.
 * @cssprop --dsw-space - Base spacing unit.
 *
 * @cssstate shown - The banner is visible (a failure that was not dismissed).
 *
 * @fires {ConnectRequestEvent} dsw-connect-request - Cancelable, before the re-authorization pop-up opens.
 * @fires {ConnectionReconnectedEvent} dsw-connection-reconnected - The account was re-authorized.
 * @fires {ConnectionAddedEvent} dsw-connection-added - "Add it as a new connection" added an account.
 * @fires {OpenSettingsRequestEvent} dsw-open-settings-request - Cancelable, before the settings dialog opens.
 * @fires {DswErrorEvent} dsw-error - A load this banner started, or a re-authorization, failed.
 */
export class ReconnectBanner extends SourceWidget {
  static override styles = [tokens, controls, failureStyles, bannerStyles];

  /** Only this connection's failure (by connection ID); all failing connections when unset. */
  @property({ reflect: true }) connection?: string;

  /** The `aria-level` of the title, to fit the page's heading outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  private readonly settingsDialog = new SettingsOpener(this);
  private readonly internals = this.attachInternals();

  @state() private pickedFailure?: string;
  @state() private dismissed: ReadonlySet<string> = new Set();
  /** Expiring accounts dismissed today (see dismissals.ts). */
  @state() private dismissedToday: ReadonlySet<string> = new Set();
  /** Text of the polite live region: a failure that appeared, or a re-connect's result. */
  private live = '';
  /** Failures already announced, so that a revalidation does not repeat them. */
  private announced: ReadonlySet<string> = new Set();
  private lastNotice?: Notice;
  /** Focus was inside the banner before this update (see `updated`). */
  private hadFocus = false;

  /** Whether the banner shows something now (a failure, else an account expiring soon). */
  get shown(): boolean {
    return this.alert() !== undefined;
  }

  /**
   * What the banner is about: the failing accounts not dismissed, else (calmer) the accounts
   * expiring soon not dismissed today; undefined when neither.
   */
  private alert(): { tone: 'failing' | 'expiring'; list: Connection[] } | undefined {
    const failures = this.failures();
    if (this.visible(failures)) return { tone: 'failing', list: failures };
    const expiring = this.expiringList();
    if (expiring.some((c) => !this.dismissedToday.has(c.id))) return { tone: 'expiring', list: expiring };
    return undefined;
  }

  private expiringList(): Connection[] {
    if (this.data.state.status !== 'ready') return [];
    const expiring = this.expiry.connections();
    return this.connection ? expiring.filter((c) => c.id === this.connection) : expiring;
  }

  protected override expiringShown(): readonly Connection[] {
    const alert = this.alert();
    return alert?.tone === 'expiring' ? alert.list : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.hadFocus = !!this.shadowRoot?.activeElement;
    if (changed.has('source')) {
      this.dismissed = readDismissed(this.source);
      this.dismissedToday = readExpiringDismissed(this.source, this.expiry.now);
    }
    if (this.data.state.status === 'ready') this.forgetRepaired();

    const alert = this.alert();
    if (this.data.state.status === 'ready' || !alert) {
      const fresh = alert?.list.some((c) => !this.announced.has(c.id));
      if (alert && fresh) this.live = this.heading(alert, this.l10n.strings);
      this.announced = new Set(alert ? alert.list.map((c) => c.id) : []);
    }
    const { notice } = this.actions;
    if (notice !== this.lastNotice) {
      this.lastNotice = notice;
      if (notice) this.live = notice.text;
    }
    this.setShownState(alert !== undefined);
  }

  /** A re-connect that worked removes the banner, Re-connect with it: focus goes on, not to <body>. */
  protected override updated(): void {
    if (this.hadFocus && !this.shadowRoot!.activeElement) focusNextAfter(this);
  }

  protected override render(): TemplateResult {
    const alert = this.alert();
    return html`<div class="root visually-hidden" role="status">${this.live}</div>
      ${alert ? this.renderBanner(alert, this.l10n.strings) : nothing}`;
  }

  private renderBanner(alert: { tone: 'failing' | 'expiring'; list: Connection[] }, s: Strings): TemplateResult {
    const failures = alert.list;
    const expiring = alert.tone === 'expiring';
    const index = failureIndex(failures, this.pickedFailure);
    const current = failures[index]!;
    const name = this.data.state.source?.name;
    const of = s.ofSource(name ?? this.source);
    return html`<section part="banner" class="banner root ${alert.tone}" aria-labelledby="title">
      <span part="icon" class="warning">${expiring ? hourglassIcon : warningIcon}</span>
      <div class="body">
        <div id="title" part="title" class="title" role="heading" aria-level=${this.headingLevel}>
          ${name ? html`<span part="source" class="source data">${name}</span>` : nothing}
          <span>${this.heading(alert, s)}</span>
        </div>
        ${failureView({
          failures,
          index,
          strings: s,
          pending: this.actions.pending && this.actions.lastConnectionId === current.id,
          showAccount: failures.length > 1,
          ofSource: of,
          onReconnect: (connection) => this.actions.reconnect(connection),
          onNavigate: (next) => this.navigate(failures, next, s),
          ...(expiring
            ? {
                tone: 'warning' as const,
                message: (c: Connection) => s.expiringMessage(formatTimeUntil(this.expiry.until(c) ?? 0, this.l10n.locale)),
              }
            : {}),
          actions: html`<button class="quiet link" part="button settings-button" aria-label=${s.openSettings + of} data-prefetch="settings" @click=${() => void this.settingsDialog.open()}>
            ${s.openSettings}
          </button>`,
        })}
        ${this.renderNotice(s)}
      </div>
      <button class="quiet icon dismiss" part="button dismiss-button" aria-label=${s.dismiss + of} @click=${() => this.dismiss()}>
        ${closeIcon}
      </button>
    </section>`;
  }

  /** The live region already announced it; this is the copy the user can act on. */
  private renderNotice(s: Strings): TemplateResult | typeof nothing {
    const { notice } = this.actions;
    const ofSource = s.ofSource(this.data.state.source?.name ?? this.source);
    return notice ? noticeView({ notice, strings: s, actions: this.actions, live: false, ofSource }) : nothing;
  }

  private heading({ tone, list }: { tone: 'failing' | 'expiring'; list: readonly Connection[] }, s: Strings): string {
    if (tone === 'expiring') return list.length === 1 ? s.bannerExpiringTitle(list[0]!.accountName) : s.bannerExpiringManyTitle(list.length);
    return list.length === 1 ? s.bannerTitle(list[0]!.accountName) : s.bannerManyTitle(list.length);
  }

  /** Exposes `:state(shown)` to the host's CSS; a styling aid, so never worth an exception. */
  private setShownState(shown: boolean): void {
    try {
      // Absent in server DOM shims and older engines; Chromium before 125 throws on undashed names.
      const states = this.internals.states as CustomStateSet | undefined;
      if (shown) states?.add('shown');
      else states?.delete('shown');
    } catch {
      // Nothing to expose then: the banner itself still renders.
    }
  }

  /** The failing connections this banner is about (one, with `connection`). */
  private failures(): Connection[] {
    const { state } = this.data;
    if (state.status !== 'ready') return [];
    const failing = failingConnections(state);
    return this.connection ? failing.filter((c) => c.id === this.connection) : failing;
  }

  /** Shown while at least one of them was not dismissed. */
  private visible(failures: readonly Connection[]): boolean {
    return failures.some((c) => !this.dismissed.has(c.id));
  }

  private navigate(failures: readonly Connection[], index: number, s: Strings): void {
    const next = failures[index]!;
    this.pickedFailure = next.id;
    // The content changed under the user's focus (on Previous/Next): say where they are.
    this.live = formatList([isolate(next.accountName), s.failurePosition(index + 1, failures.length)], this.l10n.locale);
  }

  private dismiss(): void {
    // Dismiss is about to vanish with the banner, which would drop focus to <body> and send a
    // screen-reader or keyboard user back to the top of the page. They expect to carry on where
    // the banner was: with what now takes its place in the reading order, as Tab would have
    // reached it. Moved before the banner goes, so focus is never lost in between; and only
    // when focus is in the banner: a mouse click in Safari leaves it where it was, not ours to move.
    if (this.matches(':focus-within')) focusNextAfter(this);
    const alert = this.alert();
    if (alert?.tone === 'expiring') {
      // An expiry is days away: dismissed for today, reminded tomorrow.
      this.dismissedToday = new Set([...this.dismissedToday, ...alert.list.map((c) => c.id)]);
      writeExpiringDismissed(this.source, this.dismissedToday, this.expiry.now);
      return;
    }
    const ids = new Set(this.dismissed);
    for (const c of this.failures()) ids.add(c.id);
    this.dismissed = ids;
    writeDismissed(this.source, ids);
  }

  /** A dismissed connection that works again is forgotten, so that failing anew shows the banner. */
  private forgetRepaired(): void {
    const failing = new Set(failingConnections(this.data.state).map((c) => c.id));
    const kept = new Set([...this.dismissed].filter((id) => failing.has(id)));
    if (kept.size === this.dismissed.size) return;
    this.dismissed = kept;
    writeDismissed(this.source, kept);
  }
}

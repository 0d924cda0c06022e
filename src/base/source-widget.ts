import { LitElement, isServer, type PropertyValues } from 'lit';
import type { Connection } from '../api/types.js';
import { property } from 'lit/decorators/property.js';
import type { AccountSelectionRequest, SelectAccounts } from '../controllers/connect-controller.js';
import { ExpiryController } from '../controllers/expiry.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { SourceController } from '../controllers/source-controller.js';
import { WidgetActions } from '../controllers/widget-actions.js';
import type { Strings } from '../strings/strings.js';

/**
 * What the card, the dialog and the banner share: the data source they show, where its data
 * comes from (a provider above, else `endpoint`), their language and text overrides, the theme,
 * and the controllers that keep them in step with the store and act on connections.
 */
export class SourceWidget extends LitElement {
  /** The data source's ID on the endpoint, e.g. `google-ads`. */
  @property({ reflect: true }) source = '';

  /** Base URL of the endpoint; used only when no `<data-source-provider>` is above. */
  @property() endpoint?: string;

  /** Text overrides for this widget, over the provider's and the locale's. Property only. */
  @property({ attribute: false }) strings?: Partial<Strings>;

  /**
   * BCP 47 locale of texts, dates, numbers and sorting. Unset: the element's `lang`, else the
   * provider's `locale`, else the nearest ancestor's `lang`, else the browser's language.
   */
  @property() locale?: string;

  /** How long a sign-in may take before the widget says it took too long, in ms; the provider's (5 minutes) by default. A sign-in finished later still connects. */
  @property({ type: Number, attribute: 'authorization-timeout-ms' }) authorizationTimeoutMs?: number;

  /** Days before expiry an account shows as Expiring; unset: the provider's, else the data source's, else 7. */
  @property({ type: Number, attribute: 'expiry-warning-days' }) expiryWarningDays?: number;

  /** `light` or `dark`; unset follows the page's `color-scheme` (the OS preference where the page declares `light dark`). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly data = new SourceController(this);
  protected readonly l10n = new LocaleController(this, this.data);
  protected readonly actions = new WidgetActions(this, this.data, this.l10n);
  /** Accounts to re-connect soon, and the `dsw-connection-expiring` event for those shown. */
  protected readonly expiry = new ExpiryController(this, this.data, this.expiringShown);

  /** The Expiring accounts this widget shows now (none by default); each is announced once per page. */
  protected expiringShown(): readonly Connection[] {
    return [];
  }

  /**
   * @internal Shows the choice among the accounts a sign-in reached: the settings dialog's step,
   * which the card and the banner open for it. Resolves with the outcome to announce; undefined
   * where the widget offers no choice. A method, so that no widget holds a function of its own.
   */
  chooseAccounts(_request: AccountSelectionRequest): ReturnType<SelectAccounts> {
    return undefined;
  }

  /** On a server, the data it renders with (the only hook Lit's server rendering calls before `render`). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isServer) this.data.serverRender();
    super.willUpdate(changed);
  }

  /** The first render waits for the texts of the page's language (a small module, loaded once). */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await this.l10n.ready;
    super.scheduleUpdate();
  }
}

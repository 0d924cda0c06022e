import type { LitElement, ReactiveController } from 'lit';
import { NetworkError } from '../api/errors.js';
import { loadSettingsDialog, type SettingsDialog, type SettingsDialogClass } from '../connection-settings-dialog/load.js';
import { DswErrorEvent } from '../events/error.js';
import { OpenSettingsRequestEvent } from '../events/open-settings-request.js';
import type { AccountSelectionRequest, Notice, SelectAccounts } from './connect-controller.js';
import type { LocaleHost } from './locale-controller.js';
import { prefetchOnIntent } from './prefetch.js';
import type { SourceHost } from './source-controller.js';

/** What a widget that opens the settings dialog exposes. */
export type SettingsHost = SourceHost & LocaleHost & Pick<LitElement, 'renderRoot'> & { theme?: string; chooseAccounts?: SelectAccounts };

const DEFAULT_TAG = 'connection-settings-dialog';

/**
 * Opens the connection settings dialog on behalf of a widget: a cancelable
 * `dsw-open-settings-request` first, then a `<connection-settings-dialog>` created in the
 * widget's shadow root on first use only (most users never open it), kept in step with the
 * widget's source, endpoint, strings, locale and theme, and shown.
 */
export class SettingsOpener implements ReactiveController {
  private dialog?: SettingsDialog;

  constructor(private readonly host: SettingsHost) {
    host.addController(this);
    // A sign-in of this widget that reached several accounts: the dialog opens on the choice.
    host.chooseAccounts = (request) => this.open(request);
    SettingsOpener.prefetch();
  }

  /**
   * Fetches the dialog's code when the user points at a button that opens it: call it when a
   * widget that makes its opener on first use is created.
   */
  static prefetch(): void {
    prefetchOnIntent('settings', loadSettingsDialog);
  }

  hostUpdated(): void {
    if (this.dialog) this.sync(this.dialog);
  }

  /**
   * Resolves to whether the dialog was shown: false when the host prevented the request, or
   * when its code could not be loaded (reported as a `dsw-error`). With `select` (a sign-in that
   * reached several accounts), opens it on the choice, with no request event (the host allowed
   * the sign-in, and the choice is part of it), and resolves with what to announce. With a
   * `view`, opens it on that view (the card's "Ask someone else to connect": `links`).
   */
  open(view?: SettingsDialog['view']): Promise<boolean>;
  open(select: AccountSelectionRequest): Promise<Notice | false | undefined>;
  async open(arg?: AccountSelectionRequest | SettingsDialog['view']): Promise<boolean | Notice | undefined> {
    const select = typeof arg === 'object' ? arg : undefined;
    const sourceId = this.host.source;
    if (!sourceId || !(select || this.host.dispatchEvent(new OpenSettingsRequestEvent({ sourceId })))) return false;
    let dialogClass: SettingsDialogClass;
    try {
      dialogClass = await loadSettingsDialog();
    } catch {
      const error = new NetworkError('The connection settings could not be loaded');
      this.host.dispatchEvent(new DswErrorEvent({ error, action: 'load', sourceId }));
      return false;
    }
    // The host may have registered the class under its own name (white-label, versions);
    // `getName` is recent, hence the fallback.
    const tag = customElements.getName?.(dialogClass) ?? DEFAULT_TAG;
    const dialog = (this.dialog ??= this.create(tag));
    // Not upgraded: another class holds the default name and the host registered ours under none.
    if (!(dialog instanceof dialogClass)) {
      console.warn(`data-source-widgets: <${tag}> is taken by another class; register ConnectionSettingsDialog under a name of your own.`);
      return false;
    }
    if (typeof arg === 'string') dialog.view = arg;
    await dialog.updateComplete;
    if (select) return dialog.chooseAccounts?.(select);
    dialog.show();
    return true;
  }

  /** Beside the widget's own template in its shadow root, where Lit leaves it alone. */
  private create(tag: string): SettingsDialog {
    const dialog = document.createElement(tag) as SettingsDialog;
    dialog.setAttribute('part', 'settings-dialog');
    this.sync(dialog);
    this.host.renderRoot.append(dialog);
    return dialog;
  }

  private sync(dialog: SettingsDialog): void {
    const { host } = this;
    dialog.source = host.source;
    dialog.endpoint = host.endpoint;
    dialog.strings = host.strings;
    dialog.locale = host.locale;
    if (dialog.getAttribute('theme') !== (host.theme ?? null)) {
      if (host.theme) dialog.setAttribute('theme', host.theme);
      else dialog.removeAttribute('theme');
    }
  }
}

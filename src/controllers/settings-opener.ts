import { nothing, type LitElement } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { loadSettingsDialog, type SettingsDialog, type SettingsDialogClass } from '../connection-settings-dialog/load.js';
import { NetworkError } from '../api/errors.js';
import { DswErrorEvent } from '../events/error.js';
import { OpenSettingsRequestEvent } from '../events/open-settings-request.js';
import type { PrefetchController } from './prefetch-controller.js';
import type { SourceHost } from './source-controller.js';

/** What a widget that opens the settings dialog exposes. */
export type SettingsHost = SourceHost & Pick<LitElement, 'updateComplete'> & { theme?: string };

const DEFAULT_TAG = 'connection-settings-dialog';

/**
 * Opens the connection settings dialog on behalf of a widget: a cancelable
 * `dsw-open-settings-request` first, then a `<connection-settings-dialog>` rendered in the
 * widget's shadow root on first use only (most users never open it) and shown.
 */
export class SettingsOpener {
  /** The dialog's class once loaded: the widget renders the dialog from then on. */
  private dialogClass?: SettingsDialogClass;
  private readonly dialog = createRef<SettingsDialog>();

  constructor(
    private readonly host: SettingsHost,
    prefetch: PrefetchController,
  ) {
    prefetch.add('settings', loadSettingsDialog);
  }

  /**
   * Resolves to whether the dialog was shown: false when the host prevented the request, or
   * when its code could not be loaded (reported as a `dsw-error`).
   */
  async open(): Promise<boolean> {
    const sourceId = this.host.source;
    if (!sourceId || !this.host.dispatchEvent(new OpenSettingsRequestEvent({ sourceId }))) return false;
    try {
      this.dialogClass = await loadSettingsDialog();
    } catch {
      const error = new NetworkError('The connection settings could not be loaded');
      this.host.dispatchEvent(new DswErrorEvent({ error, action: 'load', sourceId }));
      return false;
    }
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    // Not upgraded: another class holds the default name and the host registered ours under none.
    if (!(dialog instanceof this.dialogClass)) {
      console.warn('data-source-widgets: <connection-settings-dialog> is taken by another class; register ConnectionSettingsDialog under a name of your own.');
      return false;
    }
    dialog.show();
    return true;
  }

  render() {
    const { host, dialogClass } = this;
    if (!dialogClass) return nothing;
    // The host may have registered the class under its own name (white-label, versions);
    // `getName` is recent, hence the optional call.
    const tag = unsafeStatic(customElements.getName?.(dialogClass) ?? DEFAULT_TAG);
    return staticHtml`<${tag}
      ${ref(this.dialog)}
      part="settings-dialog"
      .source=${host.source}
      .endpoint=${host.endpoint}
      .strings=${host.strings}
      .locale=${host.locale}
      theme=${ifDefined(host.theme)}
    ></${tag}>`;
  }
}

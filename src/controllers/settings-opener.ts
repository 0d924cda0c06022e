import { nothing, type LitElement, type ReactiveController } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ConnectionSettingsDialog } from '../connection-settings-dialog/connection-settings-dialog.js';
import type { SourceHost } from './source-controller.js';
import { OpenSettingsRequestEvent } from '../events/open-settings-request.js';

/** What a widget that opens the settings dialog exposes. */
export type SettingsHost = SourceHost & Pick<LitElement, 'updateComplete'> & { theme?: string };

const DEFAULT_TAG = 'connection-settings-dialog';

/**
 * Opens the connection settings dialog on behalf of a widget: a cancelable
 * `dsw-open-settings-request` first, then a `<connection-settings-dialog>` rendered in the
 * widget's shadow root on first use only (most users never open it) and shown.
 */
export class SettingsOpener implements ReactiveController {
  private wanted = false;
  private readonly dialog = createRef<ConnectionSettingsDialog>();

  constructor(private readonly host: SettingsHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Resolves to whether the dialog was shown (false when the host prevented the request). */
  async open(): Promise<boolean> {
    const sourceId = this.host.source;
    if (!sourceId || !this.host.dispatchEvent(new OpenSettingsRequestEvent({ sourceId }))) return false;
    this.wanted = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog.value;
    // Not upgraded: the host registered the widget but not the dialog class.
    if (!(dialog instanceof ConnectionSettingsDialog)) {
      console.warn('data-source-widgets: the connection settings dialog is not defined; import its define entry.');
      return false;
    }
    dialog.show();
    return true;
  }

  render() {
    if (!this.wanted) return nothing;
    const { host } = this;
    // The host may have registered the class under its own name (white-label, versions);
    // `getName` is recent, hence the optional call.
    const tag = unsafeStatic(customElements.getName?.(ConnectionSettingsDialog) ?? DEFAULT_TAG);
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

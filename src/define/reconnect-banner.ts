import { ReconnectBanner } from '../reconnect-banner/reconnect-banner.js';
import { defineElement } from './define-element.js';
// The banner's "Open connection settings" renders the dialog; register it with the banner.
import './connection-settings-dialog.js';

defineElement('reconnect-banner', ReconnectBanner);

declare global {
  interface HTMLElementTagNameMap {
    'reconnect-banner': ReconnectBanner;
  }
}

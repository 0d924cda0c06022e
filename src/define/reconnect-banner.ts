import { ReconnectBanner } from '../reconnect-banner/reconnect-banner.js';
import { defineElement } from './define-element.js';
// The settings dialog the banner opens loads, and registers itself, when first needed.

defineElement('reconnect-banner', ReconnectBanner);

declare global {
  interface HTMLElementTagNameMap {
    'reconnect-banner': ReconnectBanner;
  }
}

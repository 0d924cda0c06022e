import { DataSourceCard } from '../data-source-card/data-source-card.js';
import { defineElement } from './define-element.js';
// The card opens the settings dialog; registering both keeps "import one entry" working.
import './connection-settings-dialog.js';

defineElement('data-source-card', DataSourceCard);

declare global {
  interface HTMLElementTagNameMap {
    'data-source-card': DataSourceCard;
  }
}

import { DataSourceCard } from '../data-source-card/data-source-card.js';
import { defineElement } from './define-element.js';
// The settings dialog the card opens loads, and registers itself, when first needed.

defineElement('data-source-card', DataSourceCard);

declare global {
  interface HTMLElementTagNameMap {
    'data-source-card': DataSourceCard;
  }
}

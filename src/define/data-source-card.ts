import { DataSourceCard } from '../data-source-card/data-source-card.js';
import { defineElement } from './define-element.js';
// The settings dialog the card opens loads, and registers itself, when first needed.

defineElement('data-source-card', DataSourceCard);
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from '../types/globals.js';

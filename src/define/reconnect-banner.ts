import { ReconnectBanner } from '../reconnect-banner/reconnect-banner.js';
import { defineElement } from './define-element.js';
// The settings dialog the banner opens loads, and registers itself, when first needed.

defineElement('reconnect-banner', ReconnectBanner);
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from '../types/globals.js';

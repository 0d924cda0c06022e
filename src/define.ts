// Registers every element under its default tag name. The provider goes first, so that widgets
// already in the page find it when they upgrade. The settings dialog's code loads when first
// needed: when a card or banner opens it, or when the page holds a <connection-settings-dialog>
// (import `define/connection-settings-dialog` to register it at once, e.g. inside a shadow root).
// Import the classes from the package root to register them under other names instead.
import { ContextRoot } from '@lit/context';
import { loadSettingsDialog } from './connection-settings-dialog/load.js';
import './define/data-source-provider.js';
import './define/data-source-card.js';
import './define/reconnect-banner.js';
import { serverSafe } from './define/server-safe.js';
import { whenUsed } from './define/when-used.js';

if (serverSafe('data-source-widgets/define')) {
  whenUsed('connection-settings-dialog', () => loadSettingsDialog().catch((error: unknown) => console.error(error)));
  // Widgets that asked for the store before a provider above them upgraded get it when it does.
  new ContextRoot().attach(document.documentElement);
}

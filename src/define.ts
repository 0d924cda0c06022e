// Registers every element under its default tag name. The provider goes first, so that widgets
// already in the page find it when they upgrade. Import the classes from the package root to
// register them under other names instead.
import { ContextRoot } from '@lit/context';
import './define/data-source-provider.js';
import './define/connection-settings-dialog.js';
import './define/data-source-card.js';
import './define/reconnect-banner.js';

// Widgets that asked for the store before a provider above them upgraded get it when it does.
new ContextRoot().attach(document.documentElement);

import { ConnectionSettingsDialog } from '../connection-settings-dialog/connection-settings-dialog.js';
import { defineElement } from './define-element.js';

defineElement('connection-settings-dialog', ConnectionSettingsDialog);
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from '../types/globals.js';

import { ConnectionSettingsDialog } from '../connection-settings-dialog/connection-settings-dialog.js';
import { defineElement } from './define-element.js';

defineElement('connection-settings-dialog', ConnectionSettingsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'connection-settings-dialog': ConnectionSettingsDialog;
  }
}

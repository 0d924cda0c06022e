import { defineElement } from '../define/define-element.js';
import type { ConnectionSettingsDialog } from './connection-settings-dialog.js';

export type SettingsDialogClass = typeof ConnectionSettingsDialog;
export type SettingsDialog = ConnectionSettingsDialog;

let loading: Promise<SettingsDialogClass> | undefined;

/**
 * The settings dialog's class, for the widgets that open it. They reach it only through this
 * loader, never by importing the element, so that a page of cards loads the dialog's code only
 * when someone is about to open it (the widgets call this on pointing at or focusing their
 * settings button). Registers `<connection-settings-dialog>` unless the host registered the
 * class itself, under any name.
 */
export function loadSettingsDialog(): Promise<SettingsDialogClass> {
  loading ??= import('./connection-settings-dialog.js').then(
    ({ ConnectionSettingsDialog }) => {
      // `getName` is recent: without it, a name taken by another class is warned about and kept.
      const named = customElements.getName?.(ConnectionSettingsDialog);
      if (!named) defineElement('connection-settings-dialog', ConnectionSettingsDialog);
      return ConnectionSettingsDialog;
    },
    (error: unknown) => {
      // Offline, say: the next attempt tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

import type { ConnectionSettingsDialog } from './connection-settings-dialog.js';

export type SettingsDialogClass = typeof ConnectionSettingsDialog;
export type SettingsDialog = ConnectionSettingsDialog;

/**
 * The settings dialog's class, for the widgets that open it: they reach it only through this
 * loader, never by importing the element, so that a page of cards need not load the dialog
 * before someone opens it.
 */
export async function loadSettingsDialog(): Promise<SettingsDialogClass> {
  const { ConnectionSettingsDialog } = await import('./connection-settings-dialog.js');
  return ConnectionSettingsDialog;
}

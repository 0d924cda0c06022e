// The package root: classes, types and the client, with no side effects (nothing is defined,
// no `window` is touched). `data-source-widgets/define` registers the default tag names.
export * from './exports.js';
export { authorize, pendingAuthorization } from './auth/authorize.js';
export { ConnectionSettingsDialog } from './connection-settings-dialog/connection-settings-dialog.js';
export { confirmSelection, cancelSelection } from './api/selection.js';

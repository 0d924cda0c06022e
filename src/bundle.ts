// The build for CDNs and pages without a bundler: tags defined, and every export of the package
// root but two that load on demand, in chunks beside this file: the settings dialog's class
// (`await loadSettingsDialog()`) and the authorization flow (`(await loadAuthorization()).authorize`).
export * from './exports.js';
export { loadSettingsDialog } from './connection-settings-dialog/load.js';
export { loadAuthorization } from './auth/lazy.js';
import './define.js';

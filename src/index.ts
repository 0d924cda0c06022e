// The package root: classes, types and the client, with no side effects (nothing is defined,
// no `window` is touched). `data-source-widgets/define` registers the default tag names.
export * from './api/types.js';
export * from './api/errors.js';
export { ApiClient, type ApiClientOptions, type HeadersCallback, type RequestOptions } from './api/client.js';
export { ConnectionStore, type StoreOptions, type SourceListener } from './store/connection-store.js';
export type { SourceState, LoadStatus } from './store/source-state.js';
export type { SourceListState } from './store/source-list.js';
export { storeContext, localizationContext, type Localization } from './context/keys.js';
export {
  authorize,
  pendingAuthorization,
  AuthorizationError,
  type AuthorizationFailure,
  type AuthorizeOptions,
  type AuthorizationResult,
  type AuthorizationClient,
} from './auth/index.js';
export * from './events/index.js';
export type { Strings } from './strings/strings.js';
export { en } from './strings/en.js';
export { DataSourceProvider } from './data-source-provider/data-source-provider.js';
export { defineElement } from './define/define-element.js';
export { DataSourceCard } from './data-source-card/data-source-card.js';
export { ConnectionSettingsDialog } from './connection-settings-dialog/connection-settings-dialog.js';
export { ReconnectBanner } from './reconnect-banner/reconnect-banner.js';

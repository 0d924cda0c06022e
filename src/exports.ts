// What the package root and the CDN build both export: everything but the settings dialog's
// class and the authorization flow, which the CDN build loads on demand (see bundle.ts).
export * from './api/types.js';
export * from './api/errors.js';
export { ApiClient, type ApiClientOptions, type HeadersCallback, type RequestOptions } from './api/client.js';
export { ConnectionStore, type StoreOptions, type SourceListener } from './store/connection-store.js';
export type { SourceState, LoadStatus } from './store/source-state.js';
export type { SourceListState } from './store/source-list.js';
export { storeContext, localizationContext, type Localization } from './context/keys.js';
export { AuthorizationError, type AuthorizationFailure } from './auth/authorization-error.js';
export type { AuthorizationClient, AuthorizationResult } from './auth/types.js';
export type { AuthorizeOptions } from './auth/authorize.js';
export * from './events/index.js';
export type { Strings, SelectionStrings, CoreStrings } from './strings/strings.js';
export { en } from './strings/en.js';
export { registerStrings } from './strings/registry.js';
export { DataSourceProvider } from './data-source-provider/data-source-provider.js';
export { defineElement } from './define/define-element.js';
export { DataSourceCard } from './data-source-card/data-source-card.js';
export { ReconnectBanner } from './reconnect-banner/reconnect-banner.js';
export { enSelection } from './strings/en-selection.js';
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from './types/globals.js';
export type {
  NumberAttribute,
  WidgetAttributes,
  WidgetProperties,
  DataSourceCardAttributes,
  ReconnectBannerAttributes,
  ConnectionSettingsDialogAttributes,
  DataSourceProviderAttributes,
  DataSourceProviderProperties,
  DataSourceCardEvents,
  ReconnectBannerEvents,
  ConnectionSettingsDialogEvents,
  DataSourceProviderEvents,
} from './types/tags.js';

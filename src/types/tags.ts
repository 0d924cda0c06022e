// The tags as hosts write them, for TypeScript: the attributes (with the types they accept),
// the properties that have no attribute, and the events each element fires, counting those that
// bubble out of it (the card and the banner hold the settings dialog they open in their shadow
// root, and its events are composed). frameworks.ts turns these into React's and Vue's types.
import type { HeadersCallback } from '../api/client.js';
import type { Strings } from '../strings/strings.js';

/** A number, or its text as an attribute carries it (`heading-level="2"`). */
export type NumberAttribute = number | `${number}`;

/** The attributes of the card, the dialog and the banner. */
export interface WidgetAttributes {
  source?: string;
  endpoint?: string;
  locale?: string;
  theme?: 'light' | 'dark';
  'authorization-timeout-ms'?: NumberAttribute;
  'expiry-warning-days'?: NumberAttribute;
}

export interface DataSourceCardAttributes extends WidgetAttributes {
  'heading-level'?: NumberAttribute;
}

export interface ReconnectBannerAttributes extends WidgetAttributes {
  connection?: string;
  'heading-level'?: NumberAttribute;
}

export interface ConnectionSettingsDialogAttributes extends WidgetAttributes {
  open?: boolean;
}

export interface DataSourceProviderAttributes {
  endpoint?: string;
  locale?: string;
  'timeout-ms'?: NumberAttribute;
  'authorization-timeout-ms'?: NumberAttribute;
  'expiry-warning-days'?: NumberAttribute;
}

/** Properties that no attribute can carry (objects and functions). */
export interface WidgetProperties {
  strings?: Partial<Strings>;
}

export interface DataSourceProviderProperties extends WidgetProperties {
  getHeaders?: HeadersCallback;
  fetch?: typeof fetch;
}

type Events<Name extends keyof GlobalEventHandlersEventMap> = Pick<GlobalEventHandlersEventMap, Name>;

/** What the settings dialog fires. */
export type ConnectionSettingsDialogEvents = Events<
  | 'dsw-dialog-opened'
  | 'dsw-dialog-closed'
  | 'dsw-delete-request'
  | 'dsw-connection-removed'
  | 'dsw-make-main-request'
  | 'dsw-main-changed'
  | 'dsw-refresh-requested'
  | 'dsw-connect-request'
  | 'dsw-connection-added'
  | 'dsw-connection-reconnected'
  | 'dsw-connection-expiring'
  | 'dsw-account-selection-shown'
  | 'dsw-account-selection-confirmed'
  | 'dsw-account-selection-cancelled'
  | 'dsw-error'
>;

/** The card's and the banner's own events, and those of the settings dialog they open. */
export type DataSourceCardEvents = ConnectionSettingsDialogEvents & Events<'dsw-open-settings-request'>;
export type ReconnectBannerEvents = DataSourceCardEvents;
/** Every widget's events bubble through the provider above it. */
export type DataSourceProviderEvents = DataSourceCardEvents;

/** Each tag: its element, attributes, attribute-less properties and events. */
export interface WidgetTags {
  'data-source-provider': Tag<'data-source-provider', DataSourceProviderAttributes, DataSourceProviderProperties, DataSourceProviderEvents>;
  'data-source-card': Tag<'data-source-card', DataSourceCardAttributes, WidgetProperties, DataSourceCardEvents>;
  'connection-settings-dialog': Tag<'connection-settings-dialog', ConnectionSettingsDialogAttributes, WidgetProperties, ConnectionSettingsDialogEvents>;
  'reconnect-banner': Tag<'reconnect-banner', ReconnectBannerAttributes, WidgetProperties, ReconnectBannerEvents>;
}

interface Tag<Name extends keyof HTMLElementTagNameMap, Attributes, Properties, EventMap> {
  element: HTMLElementTagNameMap[Name];
  attributes: Attributes;
  properties: Properties;
  events: EventMap;
}

/** `heading-level` → `headingLevel`. */
export type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

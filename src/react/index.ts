'use client';
// React components for the elements (`data-source-widgets/react`), made with @lit/react: typed
// props, and the widgets' events as `on…` props with typed events. Importing this module
// registers no tag: import `data-source-widgets/define` once in the browser (see
// docs/frameworks.md), so that server rendering never touches `customElements`.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type { ReactiveElement } from 'lit';
import { ConnectionSettingsDialog as DialogElement } from '../connection-settings-dialog/connection-settings-dialog.js';
import { DataSourceCard as CardElement } from '../data-source-card/data-source-card.js';
import { DataSourceProvider as ProviderElement } from '../data-source-provider/data-source-provider.js';
import { ReconnectBanner as BannerElement } from '../reconnect-banner/reconnect-banner.js';
import type {
  AccountSelectionCancelledEvent,
  AccountSelectionConfirmedEvent,
  AccountSelectionShownEvent,
  ConnectRequestEvent,
  ConnectionAddedEvent,
  ConnectionExpiringEvent,
  ConnectionReconnectedEvent,
  ConnectionRemovedEvent,
  DeleteRequestEvent,
  DialogClosedEvent,
  DialogOpenedEvent,
  DswErrorEvent,
  MainChangedEvent,
  MakeMainRequestEvent,
  OpenSettingsRequestEvent,
  RefreshRequestedEvent,
} from '../events/index.js';

/** What the settings dialog fires. */
const dialogEvents = {
  onDialogOpened: 'dsw-dialog-opened' as EventName<DialogOpenedEvent>,
  onDialogClosed: 'dsw-dialog-closed' as EventName<DialogClosedEvent>,
  onDeleteRequest: 'dsw-delete-request' as EventName<DeleteRequestEvent>,
  onConnectionRemoved: 'dsw-connection-removed' as EventName<ConnectionRemovedEvent>,
  onMakeMainRequest: 'dsw-make-main-request' as EventName<MakeMainRequestEvent>,
  onMainChanged: 'dsw-main-changed' as EventName<MainChangedEvent>,
  onRefreshRequested: 'dsw-refresh-requested' as EventName<RefreshRequestedEvent>,
  onConnectRequest: 'dsw-connect-request' as EventName<ConnectRequestEvent>,
  onConnectionAdded: 'dsw-connection-added' as EventName<ConnectionAddedEvent>,
  onConnectionReconnected: 'dsw-connection-reconnected' as EventName<ConnectionReconnectedEvent>,
  onConnectionExpiring: 'dsw-connection-expiring' as EventName<ConnectionExpiringEvent>,
  onAccountSelectionShown: 'dsw-account-selection-shown' as EventName<AccountSelectionShownEvent>,
  onAccountSelectionConfirmed: 'dsw-account-selection-confirmed' as EventName<AccountSelectionConfirmedEvent>,
  onAccountSelectionCancelled: 'dsw-account-selection-cancelled' as EventName<AccountSelectionCancelledEvent>,
  onError: 'dsw-error' as EventName<DswErrorEvent>,
};

/**
 * The card and the banner fire their own events and, since the settings dialog they open lives
 * in their shadow root, the dialog's too (every event bubbles and is composed). So do all the
 * widgets inside a provider, through it.
 */
const widgetEvents = {
  ...dialogEvents,
  onOpenSettingsRequest: 'dsw-open-settings-request' as EventName<OpenSettingsRequestEvent>,
};

/**
 * createComponent sets every prop it finds on the class's prototype as a property, in an effect
 * after rendering. Lit puts every reactive property there, so `source` or `endpoint` would never
 * reach server-rendered HTML (no effect runs on the server). Shown this view of the class, it
 * keeps as properties only those an attribute cannot carry as is (`strings`, `getHeaders`,
 * `fetch`, and the camelCase ones such as `headingLevel`), and leaves the rest to React 19, which
 * renders them as attributes on the server and sets them as properties in the browser.
 */
function propertiesWithoutSameNamedAttribute<T extends typeof ReactiveElement>(elementClass: T): T {
  const prototype: Record<string, undefined> = {};
  for (const [name, options] of elementClass.elementProperties) {
    const attribute =
      options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase();
    if (attribute !== name) prototype[String(name)] = undefined;
  }
  return { name: elementClass.name, prototype } as unknown as T;
}

/** `<data-source-provider>`: its props, and the events of every widget inside it. */
export const DataSourceProvider = createComponent({
  react: React,
  tagName: 'data-source-provider',
  elementClass: propertiesWithoutSameNamedAttribute(ProviderElement),
  events: widgetEvents,
  displayName: 'DataSourceProvider',
});

/** `<data-source-card>`. */
export const DataSourceCard = createComponent({
  react: React,
  tagName: 'data-source-card',
  elementClass: propertiesWithoutSameNamedAttribute(CardElement),
  events: widgetEvents,
  displayName: 'DataSourceCard',
});

/** `<connection-settings-dialog>`. */
export const ConnectionSettingsDialog = createComponent({
  react: React,
  tagName: 'connection-settings-dialog',
  elementClass: propertiesWithoutSameNamedAttribute(DialogElement),
  events: dialogEvents,
  displayName: 'ConnectionSettingsDialog',
});

/** `<reconnect-banner>`. */
export const ReconnectBanner = createComponent({
  react: React,
  tagName: 'reconnect-banner',
  elementClass: propertiesWithoutSameNamedAttribute(BannerElement),
  events: widgetEvents,
  displayName: 'ReconnectBanner',
});

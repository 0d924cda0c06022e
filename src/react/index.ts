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
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from '../types/globals.js';

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
 * after rendering, and no effect runs on the server: `source` or `headingLevel` would never
 * reach server-rendered HTML. Shown this view of the class, it keeps as properties only those
 * no attribute carries (`strings`, `getHeaders`, `fetch`); the others are left to React 19,
 * which renders them as attributes on the server and sets them in the browser.
 */
function propertiesWithoutAttribute<T extends typeof ReactiveElement>(elementClass: T): T {
  const prototype: Record<string, undefined> = {};
  for (const [name, options] of elementClass.elementProperties) if (options.attribute === false) prototype[String(name)] = undefined;
  return { name: elementClass.name, prototype } as unknown as T;
}

/** Property name → its attribute's, where they differ (`headingLevel` → `heading-level`). */
function attributeNames(elementClass: typeof ReactiveElement): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, options] of elementClass.elementProperties) {
    if (typeof options.attribute === 'string' && options.attribute !== name) names.set(String(name), options.attribute);
  }
  return names;
}

/**
 * The component, with each camelCase prop passed under its attribute's name: React renders it
 * as that attribute on the server (`heading-level="2"`), and sets the attribute in the browser,
 * which the element reads as the property. Its type stays the camelCase one.
 */
function withAttributeNames<C extends React.ComponentType<never>>(component: C, elementClass: typeof ReactiveElement): C {
  const names = attributeNames(elementClass);
  const renamed = (props: Record<string, unknown>) =>
    React.createElement(
      component as React.ComponentType<Record<string, unknown>>,
      Object.fromEntries(Object.entries(props).map(([name, value]) => [names.get(name) ?? name, value])),
    );
  renamed.displayName = (component as { displayName?: string }).displayName;
  return renamed as unknown as C;
}

/** `<data-source-provider>`: its props, and the events of every widget inside it. */
export const DataSourceProvider = withAttributeNames(
  createComponent({
    react: React,
    tagName: 'data-source-provider',
    elementClass: propertiesWithoutAttribute(ProviderElement),
    events: widgetEvents,
    displayName: 'DataSourceProvider',
  }),
  ProviderElement,
);

/** `<data-source-card>`. */
export const DataSourceCard = withAttributeNames(
  createComponent({
    react: React,
    tagName: 'data-source-card',
    elementClass: propertiesWithoutAttribute(CardElement),
    events: widgetEvents,
    displayName: 'DataSourceCard',
  }),
  CardElement,
);

/** `<connection-settings-dialog>`. */
export const ConnectionSettingsDialog = withAttributeNames(
  createComponent({
    react: React,
    tagName: 'connection-settings-dialog',
    elementClass: propertiesWithoutAttribute(DialogElement),
    events: dialogEvents,
    displayName: 'ConnectionSettingsDialog',
  }),
  DialogElement,
);

/** `<reconnect-banner>`. */
export const ReconnectBanner = withAttributeNames(
  createComponent({
    react: React,
    tagName: 'reconnect-banner',
    elementClass: propertiesWithoutAttribute(BannerElement),
    events: widgetEvents,
    displayName: 'ReconnectBanner',
  }),
  BannerElement,
);

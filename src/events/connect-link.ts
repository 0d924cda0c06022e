import type { Connection, ConnectLink } from '../api/types.js';
import { DswEvent } from './dsw-event.js';

export interface ConnectLinkDetail {
  sourceId: string;
  link: ConnectLink;
}

export interface ConnectLinkUsedDetail {
  sourceId: string;
  /** The account the teammate connected. */
  connection: Connection;
  /** The link, when this widget knew it (it listed it or made it). */
  link?: ConnectLink;
}

/** A connect link was created for the data source (its URL is not in the event: it holds the token). */
export class ConnectLinkCreatedEvent extends DswEvent<ConnectLinkDetail> {
  static readonly type = 'dsw-connect-link-created';
  constructor(detail: ConnectLinkDetail) {
    super(ConnectLinkCreatedEvent.type, detail);
  }
}

/** A teammate used a pending connect link: the account they connected arrived. */
export class ConnectLinkUsedEvent extends DswEvent<ConnectLinkUsedDetail> {
  static readonly type = 'dsw-connect-link-used';
  constructor(detail: ConnectLinkUsedDetail) {
    super(ConnectLinkUsedEvent.type, detail);
  }
}

/** The user revoked a pending connect link; it no longer works. */
export class ConnectLinkRevokedEvent extends DswEvent<ConnectLinkDetail> {
  static readonly type = 'dsw-connect-link-revoked';
  constructor(detail: ConnectLinkDetail) {
    super(ConnectLinkRevokedEvent.type, detail);
  }
}

/** A pending connect link shown in the dialog reached its expiry unused. */
export class ConnectLinkExpiredEvent extends DswEvent<ConnectLinkDetail> {
  static readonly type = 'dsw-connect-link-expired';
  constructor(detail: ConnectLinkDetail) {
    super(ConnectLinkExpiredEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connect-link-created': ConnectLinkCreatedEvent;
    'dsw-connect-link-used': ConnectLinkUsedEvent;
    'dsw-connect-link-revoked': ConnectLinkRevokedEvent;
    'dsw-connect-link-expired': ConnectLinkExpiredEvent;
  }
}

import type { Connection } from '../api/types.js';
import { DswEvent } from './dsw-event.js';

export interface ConnectionExpiringDetail {
  sourceId: string;
  connection: Connection;
  /** ISO-8601: when its credentials expire (the connection's `expiresAt`). */
  expiresAt: string;
}

/**
 * A widget showed an account as Expiring for the first time on this page: once per account and
 * expiry date, whichever widget (card, banner or dialog) shows it first.
 */
export class ConnectionExpiringEvent extends DswEvent<ConnectionExpiringDetail> {
  static readonly type = 'dsw-connection-expiring';
  constructor(detail: ConnectionExpiringDetail) {
    super(ConnectionExpiringEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connection-expiring': ConnectionExpiringEvent;
  }
}

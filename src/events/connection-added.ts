import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** An authorization added a connection, or updated one in place; it is now main. */
export class ConnectionAddedEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-connection-added';
  constructor(detail: ConnectionDetail) {
    super(ConnectionAddedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connection-added': ConnectionAddedEvent;
  }
}

import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** A connection in error was re-authorized and is healthy again. */
export class ConnectionReconnectedEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-connection-reconnected';
  constructor(detail: ConnectionDetail) {
    super(ConnectionReconnectedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connection-reconnected': ConnectionReconnectedEvent;
  }
}

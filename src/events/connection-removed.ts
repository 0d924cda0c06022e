import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** The endpoint confirmed a delete. */
export class ConnectionRemovedEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-connection-removed';
  constructor(detail: ConnectionDetail) {
    super(ConnectionRemovedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connection-removed': ConnectionRemovedEvent;
  }
}

import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** The endpoint accepted a request to refresh a connection's data. */
export class RefreshRequestedEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-refresh-requested';
  constructor(detail: ConnectionDetail) {
    super(RefreshRequestedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-refresh-requested': RefreshRequestedEvent;
  }
}

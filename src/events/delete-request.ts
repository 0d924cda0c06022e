import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** Cancelable: fired after the user confirmed a delete, before the request is sent. */
export class DeleteRequestEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-delete-request';
  constructor(detail: ConnectionDetail) {
    super(DeleteRequestEvent.type, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-delete-request': DeleteRequestEvent;
  }
}

import { DswEvent } from './dsw-event.js';
import type { ConnectionDetail } from './details.js';

/** Cancelable: fired before a connection is made main. */
export class MakeMainRequestEvent extends DswEvent<ConnectionDetail> {
  static readonly type = 'dsw-make-main-request';
  constructor(detail: ConnectionDetail) {
    super(MakeMainRequestEvent.type, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-make-main-request': MakeMainRequestEvent;
  }
}

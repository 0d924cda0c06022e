import { DswEvent } from './dsw-event.js';
import type { SourceDetail } from './details.js';

/** The connection settings dialog opened. */
export class DialogOpenedEvent extends DswEvent<SourceDetail> {
  static readonly type = 'dsw-dialog-opened';
  constructor(detail: SourceDetail) {
    super(DialogOpenedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-dialog-opened': DialogOpenedEvent;
  }
}

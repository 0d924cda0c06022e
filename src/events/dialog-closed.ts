import { DswEvent } from './dsw-event.js';
import type { SourceDetail } from './details.js';

/** The connection settings dialog closed. */
export class DialogClosedEvent extends DswEvent<SourceDetail> {
  static readonly type = 'dsw-dialog-closed';
  constructor(detail: SourceDetail) {
    super(DialogClosedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-dialog-closed': DialogClosedEvent;
  }
}

import { DswEvent } from './dsw-event.js';
import type { Connection } from '../api/types.js';

export interface MainChangedDetail {
  sourceId: string;
  connection: Connection;
  /** The connection that was main before, if any. */
  previous?: Connection;
}

/** Another connection became main (made main by the user). */
export class MainChangedEvent extends DswEvent<MainChangedDetail> {
  static readonly type = 'dsw-main-changed';
  constructor(detail: MainChangedDetail) {
    super(MainChangedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-main-changed': MainChangedEvent;
  }
}

import { DswEvent } from './dsw-event.js';

export interface ConnectRequestDetail {
  sourceId: string;
  /** The connection being re-connected; absent when adding an account. */
  connectionId?: string;
}

/** Cancelable: fired before the authorization pop-up opens (connect, add, or re-connect when `connectionId` is set). */
export class ConnectRequestEvent extends DswEvent<ConnectRequestDetail> {
  static readonly type = 'dsw-connect-request';
  constructor(detail: ConnectRequestDetail) {
    super(ConnectRequestEvent.type, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-connect-request': ConnectRequestEvent;
  }
}

import { DswEvent } from './dsw-event.js';
import type { DswError } from '../api/errors.js';

export type DswAction = 'load' | 'connect' | 'reconnect' | 'delete' | 'make-main' | 'refresh' | 'load-links' | 'create-link' | 'revoke-link' | 'load-history';

export interface ErrorDetail {
  error: DswError;
  /** What the widget was doing. */
  action: DswAction;
  sourceId: string;
  connectionId?: string;
}

/** Something failed; `error.kind` says what (network, timeout, http, invalid-response, unauthorized, authorization). */
export class DswErrorEvent extends DswEvent<ErrorDetail> {
  static readonly type = 'dsw-error';
  constructor(detail: ErrorDetail) {
    super(DswErrorEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-error': DswErrorEvent;
  }
}

import type { SourceDetail } from './details.js';
import { DswEvent } from './dsw-event.js';

/** The user left the account selection (Cancel, Escape, closing the dialog): nothing was connected. */
export class AccountSelectionCancelledEvent extends DswEvent<SourceDetail> {
  static readonly type = 'dsw-account-selection-cancelled';
  constructor(detail: SourceDetail) {
    super(AccountSelectionCancelledEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-account-selection-cancelled': AccountSelectionCancelledEvent;
  }
}

import type { Connection } from '../api/types.js';
import { DswEvent } from './dsw-event.js';

export interface AccountSelectionConfirmedDetail {
  sourceId: string;
  /** One connection per chosen account: new ones, and connected ones renewed in place. */
  connections: readonly Connection[];
  /** The chosen main connection. */
  main?: Connection;
}

/**
 * The endpoint connected the accounts the user chose. Each also fires `dsw-connection-added`
 * (a new one) or `dsw-connection-reconnected` (one connected already) before this event.
 */
export class AccountSelectionConfirmedEvent extends DswEvent<AccountSelectionConfirmedDetail> {
  static readonly type = 'dsw-account-selection-confirmed';
  constructor(detail: AccountSelectionConfirmedDetail) {
    super(AccountSelectionConfirmedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-account-selection-confirmed': AccountSelectionConfirmedEvent;
  }
}

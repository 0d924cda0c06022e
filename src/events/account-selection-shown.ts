import type { SelectableAccount } from '../api/types.js';
import { DswEvent } from './dsw-event.js';

export interface AccountSelectionShownDetail {
  sourceId: string;
  /** The accounts the sign-in reached, as offered (connected ones carry their `connectionId`). */
  accounts: readonly SelectableAccount[];
}

/**
 * A sign-in reached several accounts and the settings dialog now shows the step where the user
 * chooses which of them to connect (opened for it when the sign-in started from a card or banner).
 */
export class AccountSelectionShownEvent extends DswEvent<AccountSelectionShownDetail> {
  static readonly type = 'dsw-account-selection-shown';
  constructor(detail: AccountSelectionShownDetail) {
    super(AccountSelectionShownEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-account-selection-shown': AccountSelectionShownEvent;
  }
}

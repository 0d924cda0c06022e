import { DswEvent } from './dsw-event.js';
import type { SourceDetail } from './details.js';

/** Cancelable: fired before a widget opens the connection settings dialog. */
export class OpenSettingsRequestEvent extends DswEvent<SourceDetail> {
  static readonly type = 'dsw-open-settings-request';
  constructor(detail: SourceDetail) {
    super(OpenSettingsRequestEvent.type, detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsw-open-settings-request': OpenSettingsRequestEvent;
  }
}

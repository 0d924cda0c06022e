export { DswEvent } from './dsw-event.js';
export type { SourceDetail, ConnectionDetail } from './details.js';
export { ConnectRequestEvent, type ConnectRequestDetail } from './connect-request.js';
export { DeleteRequestEvent } from './delete-request.js';
export { MakeMainRequestEvent } from './make-main-request.js';
export { OpenSettingsRequestEvent } from './open-settings-request.js';
export { ConnectionAddedEvent } from './connection-added.js';
export { ConnectionRemovedEvent } from './connection-removed.js';
export { ConnectionReconnectedEvent } from './connection-reconnected.js';
export { ConnectionExpiringEvent, type ConnectionExpiringDetail } from './connection-expiring.js';
export { RefreshRequestedEvent } from './refresh-requested.js';
export { MainChangedEvent, type MainChangedDetail } from './main-changed.js';
export { DialogOpenedEvent } from './dialog-opened.js';
export { DialogClosedEvent } from './dialog-closed.js';
export { DswErrorEvent, type ErrorDetail, type DswAction } from './error.js';
export { AccountSelectionShownEvent, type AccountSelectionShownDetail } from './account-selection-shown.js';
export { AccountSelectionConfirmedEvent, type AccountSelectionConfirmedDetail } from './account-selection-confirmed.js';
export { AccountSelectionCancelledEvent } from './account-selection-cancelled.js';
export {
  ConnectLinkCreatedEvent,
  ConnectLinkUsedEvent,
  ConnectLinkRevokedEvent,
  ConnectLinkExpiredEvent,
  type ConnectLinkDetail,
  type ConnectLinkUsedDetail,
} from './connect-link.js';

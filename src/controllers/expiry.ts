import type { ReactiveController } from 'lit';
import type { Connection } from '../api/types.js';
import { ConnectionExpiringEvent } from '../events/connection-expiring.js';
import { DEFAULT_EXPIRY_WARNING_DAYS, expiringConnections, isExpiring } from '../store/source-state.js';
import type { SourceController, SourceHost } from './source-controller.js';

/**
 * Accounts announced with `dsw-connection-expiring`, for the page's life. Module-level because
 * a card, a banner and a dialog may show the same account: the host hears of it once. Keyed by
 * the expiry date too, so an account renewed and expiring again later is announced again.
 */
const announced = new Set<string>();

/** For tests: every account counts as not announced yet. */
export function forgetExpiryAnnouncements(): void {
  announced.clear();
}

/**
 * What Expiring means for one widget: its clock (the store's, injectable) and its warning window
 * (the widget's `expiry-warning-days`, else the provider's, else the data source's, else 7).
 * After each update it announces the Expiring accounts the widget shows that no widget announced.
 */
export class ExpiryController implements ReactiveController {
  constructor(
    private readonly host: SourceHost,
    private readonly data: SourceController,
    private readonly shown: () => readonly Connection[],
  ) {
    host.addController(this);
  }

  get now(): number {
    return this.data.store?.now() ?? Date.now();
  }

  get windowDays(): number {
    const { store, state } = this.data;
    return this.host.expiryWarningDays ?? store?.expiryWarningDays ?? state.source?.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;
  }

  /** The Expiring accounts of the widget's data source, now. */
  connections(): Connection[] {
    return expiringConnections(this.data.state, this.now, this.windowDays);
  }

  /** Milliseconds until an Expiring account expires; undefined for any other. */
  until(connection: Connection): number | undefined {
    const now = this.now;
    return isExpiring(connection, now, this.windowDays) ? Date.parse(connection.expiresAt!) - now : undefined;
  }

  hostUpdated(): void {
    const sourceId = this.host.source;
    const endpoint = this.data.store?.client.resolveUrl('') ?? '';
    for (const connection of this.shown()) {
      const key = `${endpoint}\u0000${sourceId}\u0000${connection.id}\u0000${connection.expiresAt}`;
      if (announced.has(key) || !connection.expiresAt) continue;
      announced.add(key);
      this.host.dispatchEvent(new ConnectionExpiringEvent({ sourceId, connection, expiresAt: connection.expiresAt }));
    }
  }
}

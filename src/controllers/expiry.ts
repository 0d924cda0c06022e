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

/** No Expiring account (never changed: callers only read what `connections()` gives). */
const NONE: Connection[] = [];

/** For tests: every account counts as not announced yet. */
export function forgetExpiryAnnouncements(): void {
  announced.clear();
}

/**
 * What Expiring means for one widget: its clock (the store's, injectable) and its warning window
 * (the widget's `expiry-warning-days`, else the provider's, else the data source's, else 7).
 * After each update it announces the Expiring accounts the widget shows that no widget announced.
 */
export class ExpiryController<Host extends SourceHost = SourceHost> implements ReactiveController {
  /** What `connections()` answered last, and for which connections, window and minute. */
  private lastConnections?: readonly Connection[];
  private lastWindowDays = 0;
  private lastMinute = 0;
  private lastExpiring: Connection[] = NONE;
  private announcedList?: readonly Connection[];

  constructor(
    private readonly host: Host,
    private readonly data: SourceController,
    /**
     * The Expiring accounts the widget shows now: a method of the widget's class, called on the
     * widget (a function shared by every widget, where an arrow would be one more per widget).
     */
    private readonly shown: (this: Host) => readonly Connection[],
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

  /**
   * The Expiring accounts of the widget's data source, now. Kept while the connections, the
   * window and the minute stay the same: an open dialog re-renders on every scroll and keystroke,
   * and a card asks twice per render, while the answer moves at most once a minute.
   */
  connections(): Connection[] {
    const { connections } = this.data.state;
    const windowDays = this.windowDays;
    const minute = Math.floor(this.now / 60_000);
    if (this.lastConnections === connections && this.lastWindowDays === windowDays && this.lastMinute === minute) return this.lastExpiring;
    const expiring = expiringConnections(this.data.state, this.now, windowDays);
    this.lastConnections = connections;
    this.lastWindowDays = windowDays;
    this.lastMinute = minute;
    // Nearly always none: one empty list for every widget.
    this.lastExpiring = expiring.length === 0 ? NONE : expiring;
    return this.lastExpiring;
  }

  /** Milliseconds until an Expiring account expires; undefined for any other. */
  until(connection: Connection): number | undefined {
    const now = this.now;
    return isExpiring(connection, now, this.windowDays) ? Date.parse(connection.expiresAt!) - now : undefined;
  }

  hostUpdated(): void {
    const shown = this.shown.call(this.host);
    // The same list as after the last update: announced already.
    if (shown === this.announcedList) return;
    this.announcedList = shown;
    if (shown.length === 0) return;
    const sourceId = this.host.source;
    const endpoint = this.data.store?.client.resolveUrl('') ?? '';
    for (const connection of shown) {
      const key = `${endpoint}\u0000${sourceId}\u0000${connection.id}\u0000${connection.expiresAt}`;
      if (announced.has(key) || !connection.expiresAt) continue;
      announced.add(key);
      this.host.dispatchEvent(new ConnectionExpiringEvent({ sourceId, connection, expiresAt: connection.expiresAt }));
    }
  }
}

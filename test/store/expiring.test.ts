import { expect } from '@open-wc/testing';
import { connection } from '../../mocks/data.js';
import type { Connection } from '../../src/api/types.js';
import { expiringConnections, idleState, isExpiring, type SourceState } from '../../src/store/source-state.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 9, 10, 12);
const at = (days: number) => new Date(now + days * DAY).toISOString();
const stateOf = (connections: Connection[]): SourceState => ({ ...idleState('google-ads'), status: 'ready', connections });

describe('store: expiringConnections', () => {
  it('keeps the active connections that expire within the window, in order', () => {
    const list = [
      connection(0, { expiresAt: at(5) }),
      connection(1),
      connection(2, { expiresAt: at(20) }),
      connection(3, { expiresAt: at(7) }),
      connection(4, { expiresAt: null }),
    ];
    expect(expiringConnections(stateOf(list), now, 7).map((c) => c.id)).to.deep.equal(['conn_1', 'conn_4']);
    expect(expiringConnections(stateOf(list), now, 30).map((c) => c.id)).to.deep.equal(['conn_1', 'conn_3', 'conn_4']);
    expect(expiringConnections(stateOf(list), now, 0)).to.deep.equal([]);
  });

  it('starts at the window edge and ends at the expiry; past it, or in error, it is not Expiring', () => {
    expect(isExpiring(connection(0, { expiresAt: at(7) }), now, 7)).to.equal(true);
    expect(isExpiring(connection(0, { expiresAt: new Date(now + 7 * DAY + 1).toISOString() }), now, 7)).to.equal(false);
    expect(isExpiring(connection(0, { expiresAt: new Date(now + 1).toISOString() }), now, 7)).to.equal(true);
    expect(isExpiring(connection(0, { expiresAt: at(0) }), now, 7)).to.equal(false);
    expect(isExpiring(connection(0, { expiresAt: at(-1) }), now, 7)).to.equal(false);
    const failing = connection(0, { expiresAt: at(2), status: 'error', error: { code: 'x', message: 'y' } });
    expect(isExpiring(failing, now, 7)).to.equal(false);
    expect(isExpiring(connection(0, { expiresAt: at(2), status: 'unknown' }), now, 7)).to.equal(false);
  });
});

import { ApiClient } from '../api/client.js';
import { ConnectionStore } from './connection-store.js';

const stores = new Map<string, ConnectionStore>();

/**
 * The store of stand-alone widgets (no provider above them): one per endpoint, so that a card
 * and a dialog on one page with the same `endpoint` still share one cache.
 */
export function sharedStore(endpoint: string): ConnectionStore {
  let store = stores.get(endpoint);
  if (!store) {
    store = new ConnectionStore(new ApiClient({ endpoint }));
    stores.set(endpoint, store);
  }
  return store;
}

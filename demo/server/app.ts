import type { AuthorizationStore } from './authorizations.js';
import type { ConnectionStore } from './connections.js';
import type { Db } from './db.js';

/** What the route handlers share; built once per server by `startServer`. */
export interface App {
  db: Db;
  connections: ConnectionStore;
  authorizations: AuthorizationStore;
  now: () => number;
  /** The absolute URL the server is reached at, without a trailing slash. */
  baseUrl: () => string;
  callbackCoop: boolean;
  log: (message: string) => void;
}

import type { IncomingMessage } from 'node:http';
import type { AuthorizationStore } from './authorizations.js';
import type { ConnectionStore } from './connections.js';
import type { Db } from './db.js';
import type { OAuthRuntime } from './oauth/index.js';
import type { LinkStore } from './links.js';

/** What the route handlers share; built once per server by `startServer`. */
export interface App {
  db: Db;
  connections: ConnectionStore;
  authorizations: AuthorizationStore;
  links: LinkStore;
  now: () => number;
  /**
   * The absolute URL this request reached the server at, without a trailing slash: what the
   * pages it links to (the provider's, then the callback) must share with the host page.
   */
  baseUrl: (req: IncomingMessage) => string;
  callbackCoop: boolean;
  /** The OAuth client side (tokens, refresh job); absent when no platform is configured. */
  oauth?: OAuthRuntime;
  log: (message: string) => void;
}

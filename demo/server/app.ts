import type { IncomingMessage } from 'node:http';
import type { AuthorizationStore } from './authorizations.js';
import type { ConnectionStore } from './connections.js';
import type { LinkStore } from './links.js';
import type { OAuthRuntime } from './oauth/index.js';
import type { SessionStore } from './sessions.js';
import type { Sql, Storage } from './storage/sql.js';

/** What the per-user rate limits count. */
export type LimitedAction = 'authorizations' | 'links';

/** What the route handlers share; built once per handler by `createHandler`. */
export interface App {
  storage: Storage;
  sql: Sql;
  connections: ConnectionStore;
  authorizations: AuthorizationStore;
  sessions: SessionStore;
  links: LinkStore;
  /** The name the history gives the user's own actions: theirs in `users`, else their ID (a host's own users). */
  actorName: (userId: string) => Promise<string>;
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
  /** Counts one `action` for the user; rejects with the 429 (with Retry-After) past the limit. */
  rateLimit: (userId: string, action: LimitedAction) => Promise<void>;
}

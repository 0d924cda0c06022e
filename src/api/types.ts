/**
 * The HTTP contract between the widgets and the host's endpoint. Every payload the endpoint
 * sends is checked at run time against these shapes (see `validate.ts`); `openapi.json`
 * describes the same shapes for the host and a test keeps the two equal.
 */

/** `unknown` stands for a status value this version of the widgets does not know yet. */
export type ConnectionStatus = 'active' | 'error' | 'unknown';

/** The main connection is used by default in new reports; older credentials stay secondary. */
export type ConnectionRole = 'main' | 'secondary';

export interface ApiErrorDetail {
  code: string;
  message: string;
}

/** One connected account of a data source. */
export interface Connection {
  id: string;
  /** The account's human-readable name on the platform. */
  accountName: string;
  /** The account's ID on the platform. */
  accountId: string;
  status: ConnectionStatus;
  /** Why the connection failed; present when `status` is `error`. */
  error?: ApiErrorDetail;
  role: ConnectionRole;
  /** ISO-8601: when the account was first connected. */
  createdAt: string;
  /** ISO-8601: the last successful data update; null before the first one. */
  updatedAt: string | null;
  /**
   * ISO-8601: when the credentials stop working unless re-connected; absent or null when they do
   * not expire. Widgets show the connection as Expiring within the source's warning window.
   */
  expiresAt?: string | null;
}

/** A data source as listed by `GET /data-sources`, with a summary of its connections. */
export interface DataSourceSummary {
  id: string;
  name: string;
  /** An absolute or endpoint-relative URL of the logo. */
  logoUrl?: string;
  connectionCount: number;
  errorCount: number;
  /** Days before `expiresAt` from which a connection shows as Expiring; 7 when absent. */
  expiryWarningDays?: number;
  /**
   * Present only when asked for with `?include=connections` (the batched load of many cards):
   * the source's connections, main first, then newest first.
   */
  connections?: Connection[];
}

/** `GET /data-sources` */
export interface DataSourceList {
  items: DataSourceSummary[];
}

/** `GET /data-sources/{sourceId}`: one data source with its connections. */
export interface DataSource {
  id: string;
  name: string;
  logoUrl?: string;
  /** Days before `expiresAt` from which a connection shows as Expiring; 7 when absent. */
  expiryWarningDays?: number;
  connections: Connection[];
}

/** `GET /data-sources/{sourceId}/connections` */
export interface ConnectionList {
  items: Connection[];
}

/** `POST /data-sources/{sourceId}/authorizations` body. */
export interface AuthorizationRequest {
  /** Set to re-authorize (re-connect) an existing connection. */
  connectionId?: string;
  /** The origin of the host page, to which the callback page posts its result. */
  origin: string;
}

/** `POST /data-sources/{sourceId}/authorizations` answer. */
export interface Authorization {
  /** The provider's page to open in the pop-up window. */
  authorizationUrl: string;
  /** Single-use value the callback page echoes back. */
  state: string;
  /** ISO-8601: when `state` stops being accepted. */
  expiresAt?: string;
}

/**
 * `awaiting_selection`: the credentials reach several accounts and nothing is connected yet; the
 * widget lets the user choose, then confirms with `POST /authorizations/{state}/selection`.
 */
export type AuthorizationStatus = 'pending' | 'completed' | 'failed' | 'awaiting_selection';

/** An account the credentials of a sign-in reach, offered for selection. */
export interface SelectableAccount {
  accountId: string;
  accountName: string;
  /** The connection of this account, when it is connected to the data source already. */
  connectionId?: string;
}

/** `GET /authorizations/{state}`: the outcome, for when no message reached the opener. */
export interface AuthorizationOutcome {
  state: string;
  status: AuthorizationStatus;
  /** The connection created or updated; present when `completed`. */
  connectionId?: string;
  /** Why it failed; present when `failed` (e.g. `access_denied`, `account_mismatch`). */
  error?: ApiErrorDetail;
  /** The accounts to choose from, in the order to show them; present when `awaiting_selection`. */
  accounts?: SelectableAccount[];
}

/** `POST /authorizations/{state}/selection` body; the answer is the chosen connections. */
export interface AccountSelection {
  /** At least one, each from the outcome's `accounts`; connected ones are renewed in place. */
  accountIds: string[];
  /** Which of `accountIds` becomes main; the first of them when absent. */
  mainAccountId?: string;
}

/** `PATCH /data-sources/{sourceId}/connections/{id}` body. */
export interface ConnectionPatch {
  role: 'main';
}

/** Every error answer: `{ "error": { "code": "…", "message": "…" } }`. */
export interface ErrorBody {
  error: ApiErrorDetail;
}

/**
 * What the callback page posts to `window.opener` (and on the `dsw-authorization`
 * BroadcastChannel) when the provider redirects back: the outcome, tagged with `type`.
 */
export interface AuthorizationMessage extends AuthorizationOutcome {
  type: 'dsw-authorization';
}

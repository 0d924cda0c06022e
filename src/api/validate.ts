/**
 * Run-time checks of every payload of the contract (types.ts). Hand-written rather than a schema
 * library because they ship in every widget's bundle.
 *
 * Each validator takes `unknown`, returns a new object holding only the known fields (anything
 * else the endpoint sends is dropped, so it can never reach the DOM by accident) and throws
 * `InvalidResponseError` naming the path of the first bad field, e.g. `items[3].status`.
 * Optional fields accept `null` as "absent", since many backends serialise missing values so.
 */
import type {
  AccountSelection,
  ApiErrorDetail,
  Authorization,
  AuthorizationMessage,
  AuthorizationOutcome,
  AuthorizationRequest,
  AuthorizationStatus,
  Connection,
  ConnectionList,
  ConnectionPatch,
  ConnectionRole,
  ConnectionStatus,
  DataSource,
  DataSourceList,
  DataSourceSummary,
  ErrorBody,
  SelectableAccount,
} from './types.js';
import { type Fields, join, fail, object, string, optional, count, timestamp, oneOf, list } from './checks.js';

/** Drops `undefined` fields so results deep-equal their JSON source. */
function compact<T extends object>(value: T): T {
  // A copy rather than `delete`: deleting a key switches V8 to a slow dictionary object, about
  // three times the memory of a plain one, and the store keeps thousands of these.
  const result = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) result[key] = value[key];
  return result;
}

/** The authorization URL is opened in a pop-up we own: only http(s), never `javascript:`. */
function webUrl(value: unknown, path: string): string {
  const url = string(value, path);
  let protocol = '';
  try {
    protocol = new URL(url, 'https://relative.invalid/').protocol;
  } catch {
    // An unparsable URL falls through to the error below.
  }
  if (protocol !== 'https:' && protocol !== 'http:') fail('an http(s) URL', url, path);
  return url;
}

// A newer endpoint may add statuses; they must not break older widgets, hence `unknown`.
const connectionStatuses: readonly ConnectionStatus[] = ['active', 'error'];
function connectionStatus(value: unknown, path: string): ConnectionStatus {
  const status = string(value, path) as ConnectionStatus;
  return connectionStatuses.includes(status) ? status : 'unknown';
}

const connectionRole = oneOf<ConnectionRole>(['main', 'secondary']);
const authorizationStatus = oneOf<AuthorizationStatus>(['pending', 'completed', 'failed', 'awaiting_selection']);

export function validateApiErrorDetail(value: unknown, path = ''): ApiErrorDetail {
  const v = object(value, path);
  return { code: string(v.code, join(path, 'code')), message: string(v.message, join(path, 'message')) };
}

export function validateErrorBody(value: unknown, path = ''): ErrorBody {
  const v = object(value, path);
  return { error: validateApiErrorDetail(v.error, join(path, 'error')) };
}

type Check<T> = (value: unknown, path: string) => T;

/**
 * The fields of `v` (at `path`): `need(key, check)` reads a required one, `may(key, check)` an
 * optional one. Each key is written once per field, which the widgets' bundle feels.
 */
function fields(v: Fields, path: string) {
  const at = (key: string) => join(path, key);
  return {
    v,
    need: <T>(key: string, check: Check<T>): T => check(v[key], at(key)),
    may: <T>(key: string, check: Check<T>): T | undefined => optional(v[key], at(key), check),
  };
}

export function validateConnection(value: unknown, path = ''): Connection {
  const { v, need, may } = fields(object(value, path), path);
  return compact({
    id: need('id', string),
    accountName: need('accountName', string),
    accountId: need('accountId', string),
    status: need('status', connectionStatus),
    error: may('error', validateApiErrorDetail),
    role: need('role', connectionRole),
    createdAt: need('createdAt', timestamp),
    updatedAt: v.updatedAt === null ? null : need('updatedAt', timestamp),
    expiresAt: may('expiresAt', timestamp),
    connectedBy: may('connectedBy', string),
  });
}

/** The fields a source has in every answer that describes one. */
function sourceFields({ need, may }: ReturnType<typeof fields>) {
  return {
    id: need('id', string),
    name: need('name', string),
    logoUrl: may('logoUrl', string),
    expiryWarningDays: may('expiryWarningDays', count),
    pendingLinkCount: may('pendingLinkCount', count),
  };
}

export function validateDataSourceSummary(value: unknown, path = ''): DataSourceSummary {
  const read = fields(object(value, path), path);
  return compact({
    ...sourceFields(read),
    connectionCount: read.need('connectionCount', count),
    errorCount: read.need('errorCount', count),
    connections: read.may('connections', connectionArray),
  });
}

const connectionArray = (value: unknown, path: string): Connection[] => list(value, path, validateConnection);

/**
 * `GET /data-sources?include=connections&ids=…`: every item must carry its connections, since
 * the store uses each as the answer of `GET /data-sources/{id}`.
 */
export function validateDataSourceBatch(value: unknown, path = ''): DataSource[] {
  const { items } = object(value, path);
  return list(items, join(path, 'items'), (item, at) => {
    const read = fields(object(item, at), at);
    return compact({ ...sourceFields(read), connections: read.need('connections', connectionArray) });
  });
}

export function validateDataSourceList(value: unknown, path = ''): DataSourceList {
  const v = object(value, path);
  return { items: list(v.items, join(path, 'items'), validateDataSourceSummary) };
}

export function validateDataSource(value: unknown, path = ''): DataSource {
  const read = fields(object(value, path), path);
  return compact({ ...sourceFields(read), connections: read.need('connections', connectionArray) });
}

export function validateConnectionList(value: unknown, path = ''): ConnectionList {
  const v = object(value, path);
  return { items: list(v.items, join(path, 'items'), validateConnection) };
}

export function validateAuthorizationRequest(value: unknown, path = ''): AuthorizationRequest {
  const v = object(value, path);
  return compact({
    connectionId: optional(v.connectionId, join(path, 'connectionId'), string),
    origin: string(v.origin, join(path, 'origin')),
  });
}

export function validateAuthorization(value: unknown, path = ''): Authorization {
  const { need, may } = fields(object(value, path), path);
  return compact({
    authorizationUrl: need('authorizationUrl', webUrl),
    state: need('state', string),
    expiresAt: may('expiresAt', timestamp),
  });
}

export function validateAuthorizationOutcome(value: unknown, path = ''): AuthorizationOutcome {
  const { need, may } = fields(object(value, path), path);
  return compact({
    state: need('state', string),
    status: need('status', authorizationStatus),
    connectionId: may('connectionId', string),
    error: may('error', validateApiErrorDetail),
    accounts: may('accounts', (value, path) => list(value, path, validateSelectableAccount)),
  });
}

export function validateSelectableAccount(value: unknown, path = ''): SelectableAccount {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    accountId: string(v.accountId, at('accountId')),
    accountName: string(v.accountName, at('accountName')),
    connectionId: optional(v.connectionId, at('connectionId'), string),
  });
}

export function validateAccountSelection(value: unknown, path = ''): AccountSelection {
  const v = object(value, path);
  return compact({
    accountIds: list(v.accountIds, join(path, 'accountIds'), string),
    mainAccountId: optional(v.mainAccountId, join(path, 'mainAccountId'), string),
  });
}

export function validateConnectionPatch(value: unknown, path = ''): ConnectionPatch {
  const v = object(value, path);
  return { role: oneOf<'main'>(['main'])(v.role, join(path, 'role')) };
}

/** For the callback page's `postMessage`; the type tag tells it apart from other messages. */
export function validateAuthorizationMessage(value: unknown, path = ''): AuthorizationMessage {
  const v = object(value, path);
  const type = oneOf<'dsw-authorization'>(['dsw-authorization'])(v.type, join(path, 'type'));
  return { type, ...validateAuthorizationOutcome(v, path) };
}

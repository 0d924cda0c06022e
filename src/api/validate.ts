/**
 * Run-time checks of every payload of the contract (types.ts). Hand-written rather than a schema
 * library because they ship in every widget's bundle.
 *
 * Each validator takes `unknown`, returns a new object holding only the known fields (anything
 * else the endpoint sends is dropped, so it can never reach the DOM by accident) and throws
 * `InvalidResponseError` naming the path of the first bad field, e.g. `items[3].status`.
 * Optional fields accept `null` as "absent", since many backends serialise missing values so.
 */
import { InvalidResponseError } from './errors.js';
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

type Fields = Record<string, unknown>;

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function fail(expected: string, value: unknown, path: string): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new InvalidResponseError(`expected ${expected}, got ${got}`, path);
}

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object', value, path);
  return value as Fields;
}

function string(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail('a string', value, path);
}

function optional<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value, path);
}

function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) fail('a count (integer >= 0)', value, path);
  return value as number;
}

function timestamp(value: unknown, path: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail('an ISO-8601 timestamp', value, path);
  return value;
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: unknown, path: string): T =>
    allowed.includes(value as T) ? (value as T) : fail(`one of ${allowed.join(', ')}`, value, path);
}

function list<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail('an array', value, path);
  return value.map((item, index) => check(item, `${path}[${index}]`));
}

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

export function validateConnection(value: unknown, path = ''): Connection {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    id: string(v.id, at('id')),
    accountName: string(v.accountName, at('accountName')),
    accountId: string(v.accountId, at('accountId')),
    status: connectionStatus(v.status, at('status')),
    error: optional(v.error, at('error'), validateApiErrorDetail),
    role: connectionRole(v.role, at('role')),
    createdAt: timestamp(v.createdAt, at('createdAt')),
    updatedAt: v.updatedAt === null ? null : timestamp(v.updatedAt, at('updatedAt')),
    expiresAt: optional(v.expiresAt, at('expiresAt'), timestamp),
  });
}

export function validateDataSourceSummary(value: unknown, path = ''): DataSourceSummary {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    id: string(v.id, at('id')),
    name: string(v.name, at('name')),
    logoUrl: optional(v.logoUrl, at('logoUrl'), string),
    connectionCount: count(v.connectionCount, at('connectionCount')),
    errorCount: count(v.errorCount, at('errorCount')),
    expiryWarningDays: optional(v.expiryWarningDays, at('expiryWarningDays'), count),
    connections: optional(v.connections, at('connections'), connectionArray),
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
    const { id, name, logoUrl, expiryWarningDays, connections } = validateDataSourceSummary(item, at);
    return compact({
      id,
      name,
      logoUrl,
      expiryWarningDays,
      connections: connections ?? connectionArray(undefined, join(at, 'connections')),
    });
  });
}

export function validateDataSourceList(value: unknown, path = ''): DataSourceList {
  const v = object(value, path);
  return { items: list(v.items, join(path, 'items'), validateDataSourceSummary) };
}

export function validateDataSource(value: unknown, path = ''): DataSource {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    id: string(v.id, at('id')),
    name: string(v.name, at('name')),
    logoUrl: optional(v.logoUrl, at('logoUrl'), string),
    expiryWarningDays: optional(v.expiryWarningDays, at('expiryWarningDays'), count),
    connections: list(v.connections, at('connections'), validateConnection),
  });
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
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    authorizationUrl: webUrl(v.authorizationUrl, at('authorizationUrl')),
    state: string(v.state, at('state')),
    expiresAt: optional(v.expiresAt, at('expiresAt'), timestamp),
  });
}

export function validateAuthorizationOutcome(value: unknown, path = ''): AuthorizationOutcome {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return compact({
    state: string(v.state, at('state')),
    status: authorizationStatus(v.status, at('status')),
    connectionId: optional(v.connectionId, at('connectionId'), string),
    error: optional(v.error, at('error'), validateApiErrorDetail),
    accounts: optional(v.accounts, at('accounts'), (value, path) => list(value, path, validateSelectableAccount)),
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

import type { IncomingMessage } from 'node:http';
import { HttpError, readBody } from './http.js';

export type JsonObject = Record<string, unknown>;

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** States are 32 random bytes in base64url (43 characters); the range leaves room, not guesses. */
const STATE = /^[A-Za-z0-9_-]{16,128}$/;
const ERROR_CODE = /^[a-z][a-z0-9_]{0,63}$/;
/** Platform account IDs seen in the wild: digits with dashes, `act_…`, `properties/…`. */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,63}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/*
 * A malformed ID in the path names nothing, so it answers as an unknown one does: 404 with the
 * resource's not-found code, as openapi.json documents for every route with an ID (a widget
 * shows "not available" for a 404, where a 400 would offer a pointless Retry).
 * The message still says what a valid ID looks like.
 */

export function sourceIdParam(value: string): string {
  if (!SOURCE_ID.test(value)) {
    throw new HttpError(404, 'data_source_not_found', `There is no data source "${shown(value)}" (IDs are lowercase letters, digits and dashes).`);
  }
  return value;
}

export function connectionIdParam(value: string): string {
  if (!CONNECTION_ID.test(value)) {
    throw new HttpError(404, 'connection_not_found', `There is no connection "${shown(value)}" (IDs are letters, digits, "_" and "-").`);
  }
  return value;
}

export function stateParam(value: string): string {
  if (!STATE.test(value)) {
    throw new HttpError(404, 'authorization_not_found', 'There is no authorization with this state (expected the value returned when the authorization started).');
  }
  return value;
}

export function isState(value: string): boolean {
  return STATE.test(value);
}

/** The contract's routes take no query; a stray one is more likely a mistake than a wish. */
export function rejectQuery(url: URL): void {
  const names = [...new Set(url.searchParams.keys())];
  if (names.length) {
    throw new HttpError(400, 'invalid_query', `This route takes no query parameters (got ${names.map((n) => `"${n}"`).join(', ')}).`);
  }
}

/** One value per name; repeated names are refused, since which one wins would be a guess. */
export function singleQuery(url: URL, name: string): string | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length > 1) throw new HttpError(400, 'invalid_query', `The query parameter "${name}" is repeated.`);
  return values[0];
}

/** The contract's limit of IDs in one batch: keeps the URL and the answer bounded. */
export const MAX_BATCH_IDS = 100;

/**
 * The query of `GET /data-sources`: none (the list), or `include=connections&ids=a,b,c` (those
 * sources with their connections, the widgets' batched load). Anything else is refused with 400.
 */
export function listQuery(url: URL): { ids: string[] } | undefined {
  const names = [...new Set(url.searchParams.keys())];
  if (!names.length) return undefined;
  const bad = (message: string) => new HttpError(400, 'invalid_query', message);
  const unknown = names.find((name) => name !== 'include' && name !== 'ids');
  if (unknown) throw bad(`This route takes only "include" and "ids" (got "${shown(unknown)}").`);
  const include = singleQuery(url, 'include');
  if (include !== 'connections') throw bad(`The query parameter "include" must be "connections" (got "${shown(include ?? '')}").`);
  const ids = singleQuery(url, 'ids');
  if (!ids) throw bad('The query parameter "ids" is required with "include": 1 to 100 comma-separated IDs.');
  const list = ids.split(',');
  if (list.length > MAX_BATCH_IDS) throw bad(`The query parameter "ids" takes at most ${MAX_BATCH_IDS} IDs (got ${list.length}).`);
  if (list.some((id) => id === '')) throw bad('The query parameter "ids" has an empty ID (a stray comma).');
  return { ids: [...new Set(list)] };
}

function isJsonType(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Reads a JSON object body; `allowed` lists the only fields it may carry. */
export async function readJsonObject(req: IncomingMessage, allowed: readonly string[]): Promise<JsonObject> {
  // Read first, so an oversized body answers 413 whatever else is wrong with it.
  const raw = await readBody(req);
  if (!isJsonType(req)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as JSON, with "Content-Type: application/json".');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_body', 'The request body must be a JSON object.');
  }
  const object = value as JsonObject;
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    const expected = allowed.length ? `expected only ${allowed.map((k) => `"${k}"`).join(', ')}` : 'expected none';
    throw new HttpError(400, 'invalid_body', `Unknown field ${unknown.map((k) => `"${k}"`).join(', ')} in the body (${expected}).`);
  }
  return object;
}

/**
 * For routes that take no body (refresh, reset): nothing, or an empty JSON object some HTTP
 * wrappers send by default, is fine; anything else is a mistake worth reporting.
 */
export async function readEmptyBody(req: IncomingMessage): Promise<void> {
  const raw = (await readBody(req)).toString('utf8').trim();
  if (raw === '') return;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON (this route needs no body).');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length) {
    throw new HttpError(400, 'invalid_body', 'This route takes no body (or an empty JSON object).');
  }
}

function bad(field: string, rule: string): HttpError {
  return new HttpError(400, 'invalid_body', `The field "${field}" ${rule}.`);
}

/** An http(s) origin exactly as a browser serialises it: scheme, host, port; no path. */
export function originField(value: unknown, field = 'origin'): string {
  if (typeof value !== 'string' || value === '') throw bad(field, 'is required: the origin of the host page, e.g. "https://app.example.com"');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad(field, `must be an http(s) origin such as "https://app.example.com" (got "${value.slice(0, 80)}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(field, `must use http or https (got "${url.protocol}")`);
  if (url.origin !== value) throw bad(field, `must be an origin only, without path, query or trailing slash: "${url.origin}"`);
  return value;
}

export function optionalConnectionIdField(value: unknown, field: string): string | undefined {
  // null counts as absent: many clients serialise a missing value so.
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !CONNECTION_ID.test(value)) throw bad(field, 'must be a connection ID (letters, digits, "_" and "-")');
  return value;
}

export function errorCodeField(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ERROR_CODE.test(value)) throw bad(field, 'must be a snake_case code such as "invalid_grant"');
  return value;
}

export function textField(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw bad(field, 'must be a string');
  const text = value.trim();
  if (!text) throw bad(field, 'must not be empty');
  if (text.length > max) throw bad(field, `must be at most ${max} characters`);
  if (CONTROL.test(text)) throw bad(field, 'must not contain control characters');
  return text;
}

/** An account as the provider reports it, or why it does not fit. */
export function checkAccount(accountId: string | undefined, accountName: string | undefined): { accountId: string; accountName: string } | { problem: string } {
  const id = accountId?.trim() ?? '';
  const name = accountName?.trim() ?? '';
  if (!id) return { problem: 'The account ID is missing.' };
  if (!ACCOUNT_ID.test(id)) return { problem: 'The account ID may hold letters, digits and _ . : / @ + - (up to 64 characters).' };
  if (!name) return { problem: 'The account name is missing.' };
  if (name.length > 120) return { problem: 'The account name is longer than 120 characters.' };
  if (CONTROL.test(name)) return { problem: 'The account name contains control characters.' };
  return { accountId: id, accountName: name };
}

export function isErrorCode(value: string): boolean {
  return ERROR_CODE.test(value);
}

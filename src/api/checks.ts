import { InvalidResponseError } from './errors.js';

// The small checks every validator of the contract is made of (validate.ts for the data the
// cards need, validate-links.ts for the dialog's links and history).

export type Fields = Record<string, unknown>;

export const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export function fail(expected: string, value: unknown, path: string): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new InvalidResponseError(`expected ${expected}, got ${got}`, path);
}

export function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object', value, path);
  return value as Fields;
}

export function string(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail('a string', value, path);
}

export function optional<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : check(value, path);
}

export function count(value: unknown, path: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) fail('a count (integer >= 0)', value, path);
  return value as number;
}

export function timestamp(value: unknown, path: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail('an ISO-8601 timestamp', value, path);
  return value;
}

export function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: unknown, path: string): T =>
    allowed.includes(value as T) ? (value as T) : fail(`one of ${allowed.join(', ')}`, value, path);
}

export function list<T>(value: unknown, path: string, check: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail('an array', value, path);
  return value.map((item, index) => check(item, `${path}[${index}]`));
}

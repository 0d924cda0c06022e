import type { Connection } from '../api/types.js';
import { timeOf } from '../format/dates.js';

/** The columns a user can sort by. */
export type SortKey = 'status' | 'account' | 'id' | 'created' | 'updated';

/** A permutation: `order[k]` is the index, in the store's list, of the k-th row shown. */
export type Order = readonly number[];

/** Each row's value for a column, in the store's order: what the comparison reads. */
export type Keys = ArrayLike<number | string>;

// Errors first when ascending: the rows that need the user come to the top.
const statusRank: Record<Connection['status'], number> = { error: 0, unknown: 1, active: 2 };

/**
 * A UTC timestamp in the endpoint's form, every field within its range (a day past the month's
 * end would roll over into the next month: the 29th of February is checked apart).
 */
const ISO_UTC = /^\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d)|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/**
 * Each row's value for a numeric or date column, read once per row (not once per comparison).
 * Dates all written alike (the endpoint writes them so: `2026-01-31T09:30:00.000Z`) are in time
 * order as text, so they are compared as they are: reading 50,000 dates costs more than sorting
 * them. Any other form makes the column's values numbers (Date.parse). Never updated counts as
 * the oldest (the epoch, as before).
 */
export function keysOf(connections: readonly Connection[], key: 'status' | 'created' | 'updated'): Keys {
  const keys: Array<number | string> = [];
  let epoch: string | undefined;
  for (const c of connections) {
    const date = key === 'status' ? statusRank[c.status] : key === 'created' ? c.createdAt : c.updatedAt;
    if (typeof date === 'string' && (!ISO_UTC.test(date) || (epoch ??= `${'1970-01-01T00:00:00.000'.slice(0, date.length - 1)}Z`).length !== date.length || (date.slice(5, 10) === '02-29' && new Date(date).getUTCDate() !== 29))) {
      return connections.map((c) => (key === 'created' ? timeOf(c.createdAt) : timeOf(c.updatedAt) || 0));
    }
    keys.push(date ?? epoch ?? '');
  }
  // Rows never updated before the first date read: the epoch in the form of the dates.
  for (let i = 0; epoch && keys[i] === ''; i++) keys[i] = epoch;
  return keys;
}

/** Compares two rows by their keys: numbers and texts alike (a NaN, equal to all, as before). */
export const byKeys =
  (keys: Keys) =>
  (a: number, b: number): number =>
    keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;

/**
 * Indexes in ascending order of `compare`: Array.prototype.sort, stable (ties keep the store's
 * order), with a comparator of two array reads, and linear on runs already in order or in
 * reverse (the store lists the newest first).
 */
export function orderBy(n: number, compare: (a: number, b: number) => number): Order {
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) indexes.push(i);
  return indexes.sort(compare);
}

/** The ascending order reversed, ties kept in the store's order as a stable sort would. */
export function reversed(order: Order, same: (a: number, b: number) => boolean): Order {
  const result: number[] = [];
  let end = order.length;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && same(order[start - 1], order[end - 1])) start--;
    for (let i = start; i < end; i++) result.push(order[i]);
    end = start;
  }
  return result;
}

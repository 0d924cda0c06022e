import type { Connection } from '../api/types.js';
import { timeOf } from '../format/dates.js';

/** The columns a user can sort by. */
export type SortKey = 'status' | 'account' | 'id' | 'created' | 'updated';
export type SortDirection = 'ascending' | 'descending';

/** No sort: the store's order (main first, then the newest credentials). */
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** Clicking a header: sorts by it ascending, then flips it, like every data grid. */
export function nextSort(current: SortState | undefined, key: SortKey): SortState {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

// Errors first when ascending: the rows that need the user come to the top.
const statusRank: Record<Connection['status'], number> = { error: 0, unknown: 1, active: 2 };

type Compare = (a: Connection, b: Connection) => number;

function comparator(key: SortKey, collator: Intl.Collator): Compare {
  switch (key) {
    case 'status':
      return (a, b) => statusRank[a.status] - statusRank[b.status];
    case 'account':
      return (a, b) => collator.compare(a.accountName, b.accountName);
    case 'id':
      return (a, b) => collator.compare(a.accountId, b.accountId);
    case 'created':
      return (a, b) => timeOf(a.createdAt) - timeOf(b.createdAt);
    case 'updated':
      // Never updated counts as the oldest.
      return (a, b) => (timeOf(a.updatedAt) || 0) - (timeOf(b.updatedAt) || 0);
  }
}

/** Lower-cased name, account ID and connection ID, kept per connection object (a new object on any change). */
const searchText = new WeakMap<Connection, string>();

function searchable(connection: Connection): string {
  let text = searchText.get(connection);
  if (text === undefined) {
    text = `${connection.accountName}\u0000${connection.accountId}\u0000${connection.id}`.toLocaleLowerCase();
    searchText.set(connection, text);
  }
  return text;
}

export interface RowsView {
  rows: readonly Connection[];
  total: number;
}

/**
 * The rows to show: filtered by `query` (name or ID, case-insensitive), then sorted. Memoized on
 * its inputs, so a render that changes none of them (a busy flag, a message) costs nothing.
 */
export class RowsViewCache {
  private last?: { connections: readonly Connection[]; sort?: SortState; query: string; locale?: string; view: RowsView };

  get(connections: readonly Connection[], sort: SortState | undefined, query: string, locale?: string): RowsView {
    const last = this.last;
    if (
      last &&
      last.connections === connections &&
      last.sort === sort &&
      last.query === query &&
      last.locale === locale
    ) {
      return last.view;
    }
    const needle = query.trim().toLocaleLowerCase();
    let rows = needle ? connections.filter((c) => searchable(c).includes(needle)) : connections;
    if (sort) {
      const compare = comparator(sort.key, collatorFor(locale));
      const sign = sort.direction === 'ascending' ? 1 : -1;
      // Array.prototype.sort is stable: ties keep the default order (main first, newest).
      rows = [...rows].sort((a, b) => sign * compare(a, b));
    }
    const view = { rows, total: connections.length };
    this.last = { connections, sort, query, locale, view };
    return view;
  }
}

const collators = new Map<string, Intl.Collator>();

function collatorFor(locale: string | undefined): Intl.Collator {
  const key = locale ?? '';
  let collator = collators.get(key);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    } catch {
      collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    }
    collators.set(key, collator);
  }
  return collator;
}

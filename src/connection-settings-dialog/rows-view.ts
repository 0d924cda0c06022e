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
  /** Every account, sorted; the ones the filter leaves out are in it too (rendered hidden). */
  rows: readonly Connection[];
  /** Whether a row passes the filter. */
  shows(connection: Connection): boolean;
  /** How many rows pass the filter. */
  shown: number;
  total: number;
}

const everything = () => true;

/**
 * The rows to show: sorted, with the filter's verdict (name or ID, case-insensitive). Rows the
 * filter leaves out stay rendered but hidden, so each keystroke toggles attributes instead of
 * destroying and re-creating hundreds of rows. Memoized on its inputs, so a render that changes
 * none of them (a busy flag, a message) costs nothing.
 */
export class RowsViewCache {
  private sorted?: { connections: readonly Connection[]; sort?: SortState; locale?: string; rows: readonly Connection[] };
  private last?: { rows: readonly Connection[]; query: string; view: RowsView };

  get(connections: readonly Connection[], sort: SortState | undefined, query: string, locale?: string): RowsView {
    const rows = this.sort(connections, sort, locale);
    if (this.last && this.last.rows === rows && this.last.query === query) return this.last.view;
    const needle = query.trim().toLocaleLowerCase();
    let view: RowsView;
    if (!needle) {
      view = { rows, shows: everything, shown: rows.length, total: rows.length };
    } else {
      const matching = new Set(rows.filter((c) => searchable(c).includes(needle)));
      view = { rows, shows: (c) => matching.has(c), shown: matching.size, total: rows.length };
    }
    this.last = { rows, query, view };
    return view;
  }

  private sort(connections: readonly Connection[], sort: SortState | undefined, locale?: string): readonly Connection[] {
    const last = this.sorted;
    if (last && last.connections === connections && last.sort === sort && last.locale === locale) return last.rows;
    let rows = connections;
    if (sort) {
      const compare = comparator(sort.key, collatorFor(locale));
      const sign = sort.direction === 'ascending' ? 1 : -1;
      // Array.prototype.sort is stable: ties keep the default order (main first, newest).
      rows = [...connections].sort((a, b) => sign * compare(a, b));
    }
    this.sorted = { connections, sort, locale, rows };
    return rows;
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

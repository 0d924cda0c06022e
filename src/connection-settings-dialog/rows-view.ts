import type { Connection } from '../api/types.js';
import { SearchIndex } from './search-index.js';
import { byKeys, keysOf, orderBy, reversed, type Order, type SortKey } from './sort-order.js';

export type { SortKey };

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

export interface RowsView {
  /** The accounts the filter lets through, sorted. */
  rows: readonly Connection[];
  total: number;
}

/**
 * The rows to show: sorted, then filtered (name or ID, case-insensitive). Memoized on its
 * inputs, so a render that changes none of them (a busy flag, a message) costs nothing.
 *
 * Rows the filter leaves out are not in the view at all. They used to stay rendered but hidden,
 * so that a keystroke toggled attributes instead of re-creating hundreds of rows; now that only
 * the rows in view are rendered (windowed-rows.ts), a filtered list costs at most a window of
 * rows, and hidden rows would only get in the way of the window's heights and row indexes.
 *
 * Sorting and filtering work apart, on indexes into the store's list, so that each is kept
 * while only the other changes: the sort order per list and column (sort-order.ts), the
 * lower-cased text the filter searches per list (search-index.ts). The view puts the two together.
 */
export class RowsViewCache {
  private sorted?: { connections: readonly Connection[]; sort?: SortState; locale?: string; rows: readonly Connection[]; order?: Order };
  /** The last ascending order, which the other direction reuses (the usual second click). */
  private ascending?: { connections: readonly Connection[]; key: SortKey; locale?: string; order: Order; same: (a: number, b: number) => boolean };
  private last?: { rows: readonly Connection[]; query: string; view: RowsView };
  private search?: SearchIndex;

  get(connections: readonly Connection[], sort: SortState | undefined, query: string, locale?: string): RowsView {
    const { rows, order } = this.sort(connections, sort, locale);
    if (this.last && this.last.rows === rows && this.last.query === query) return this.last.view;
    const needle = query.trim().toLocaleLowerCase();
    let shown = rows;
    if (needle) {
      if (this.search?.connections !== connections) this.search = new SearchIndex(connections);
      shown = pick(connections, rows, order, this.search.matches(needle));
    }
    const view = { rows: shown, total: rows.length };
    this.last = { rows, query, view };
    return view;
  }

  private sort(connections: readonly Connection[], sort: SortState | undefined, locale?: string): { rows: readonly Connection[]; order?: Order } {
    const last = this.sorted;
    if (last && last.connections === connections && last.sort === sort && last.locale === locale) return last;
    let rows = connections;
    let order: Order | undefined;
    if (sort) {
      const ascending = this.ascendingOrder(connections, sort.key, locale);
      order = sort.direction === 'ascending' ? ascending.order : reversed(ascending.order, ascending.same);
      const sorted: Connection[] = [];
      for (let k = 0; k < order.length; k++) sorted.push(connections[order[k]]);
      rows = sorted;
    }
    this.sorted = { connections, sort, locale, rows, order };
    return this.sorted;
  }

  /**
   * Indexes of `connections` in ascending order, and which of them have the same key (the ties
   * a descending order keeps in the store's order). Each row's key is read once, not once per
   * comparison, which keeps 50,000 rows sortable in a few milliseconds.
   */
  private ascendingOrder(connections: readonly Connection[], key: SortKey, locale?: string) {
    const last = this.ascending;
    if (last && last.connections === connections && last.key === key && last.locale === locale) return last;
    let order: Order;
    let same: (a: number, b: number) => boolean;
    if (key === 'account' || key === 'id') {
      const collator = collatorFor(locale);
      const texts = connections.map((c) => (key === 'account' ? c.accountName : c.accountId));
      order = orderBy(texts.length, (a, b) => collator.compare(texts[a], texts[b]));
      same = (a, b) => collator.compare(texts[a], texts[b]) === 0;
    } else {
      const keys = keysOf(connections, key);
      order = orderBy(keys.length, byKeys(keys));
      same = (a, b) => keys[a] === keys[b];
    }
    this.ascending = { connections, key, locale, order, same };
    return this.ascending;
  }
}

/**
 * The sorted rows the filter matched: `hits` are in the store's order, so without a sort they
 * are the rows themselves; with one, the order is walked once, keeping the rows matched.
 */
function pick(connections: readonly Connection[], rows: readonly Connection[], order: Order | undefined, hits: number[]): readonly Connection[] {
  if (hits.length === connections.length) return rows;
  const shown: Connection[] = [];
  if (!order) {
    for (let k = 0; k < hits.length; k++) shown.push(connections[hits[k]]);
    return shown;
  }
  const matched = new Uint8Array(connections.length);
  for (let k = 0; k < hits.length; k++) matched[hits[k]] = 1;
  for (let k = 0; k < order.length; k++) if (matched[order[k]]) shown.push(connections[order[k]]);
  return shown;
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

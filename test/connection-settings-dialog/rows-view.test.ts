// The rows the table shows, as a pure function of the store's list, the sort and the query:
// each result is checked against a plain sort and filter of the whole list, whatever the cache
// reused to get it (an earlier query's matches, an earlier list's lower-cased texts).
import { expect } from '@open-wc/testing';
import { connection } from '../../mocks/data.js';
import type { Connection } from '../../src/api/types.js';
import { RowsViewCache, type SortState } from '../../src/connection-settings-dialog/rows-view.js';

const ids = (rows: readonly Connection[]) => rows.map((c) => c.id);

/** What the filter means: the query, trimmed and lower-cased, in the lower-cased name, account ID or ID. */
function expected(list: readonly Connection[], query: string): string[] {
  const needle = query.trim().toLocaleLowerCase();
  return ids(list.filter((c) => [c.accountName, c.accountId, c.id].some((field) => field.toLocaleLowerCase().includes(needle))));
}

const named = (names: string[]) => names.map((accountName, i) => connection(i, { accountName }));

/**
 * The rows as the dialog showed them before its sort and filter worked on indexes: a stable sort
 * comparing parsed dates, status ranks or collated texts; descending the reverse with ties kept
 * in the store's order; the filter on the lower-cased name, account ID and ID joined by NUL.
 */
function reference(list: readonly Connection[], sort: SortState | undefined, query: string, locale: string): string[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const rank = { error: 0, unknown: 1, active: 2 };
  const compare = (a: Connection, b: Connection): number => {
    if (!sort) return 0;
    if (sort.key === 'account') return collator.compare(a.accountName, b.accountName);
    if (sort.key === 'id') return collator.compare(a.accountId, b.accountId);
    if (sort.key === 'status') return rank[a.status] - rank[b.status];
    if (sort.key === 'created') return Date.parse(a.createdAt) - Date.parse(b.createdAt);
    return (Date.parse(a.updatedAt ?? '') || 0) - (Date.parse(b.updatedAt ?? '') || 0);
  };
  let rows = [...list].sort(compare);
  if (sort?.direction === 'descending') {
    const groups: Connection[][] = [];
    for (const c of rows) {
      if (groups.length && compare(groups.at(-1)![0], c) === 0) groups.at(-1)!.push(c);
      else groups.push([c]);
    }
    rows = groups.reverse().flat();
  }
  const needle = query.trim().toLocaleLowerCase();
  return ids(rows.filter((c) => `${c.accountName}\u0000${c.accountId}\u0000${c.id}`.toLocaleLowerCase().includes(needle)));
}

describe('connection-settings-dialog: rows view (sort and filter over every account)', () => {
  it('narrows as the query grows, and widens again as it is deleted back', () => {
    const list = named(['Abc', 'abd', 'xAB', 'Bca', 'aXbc', 'ABCD', 'a', 'cab', 'ZZZ', 'Abc 2']);
    const cache = new RowsViewCache();
    for (const query of ['a', 'ab', 'abc', 'abcd', 'abc', 'ab', 'a', '', 'ab', 'b', 'bc', 'c']) {
      expect(ids(cache.get(list, undefined, query).rows), query).to.deep.equal(expected(list, query));
      expect(cache.get(list, undefined, query).total).to.equal(list.length);
    }
  });

  it('narrows a pasted query that contains an earlier one anywhere, not only at its start', () => {
    const list = named(['one two', 'two', 'twofold', 'network', 'Two Three']);
    const cache = new RowsViewCache();
    for (const query of ['wo', 'two', ' two', 'etwo', 'o t', 'two t']) {
      expect(ids(cache.get(list, undefined, query).rows), query).to.deep.equal(expected(list, query));
    }
  });

  it('filters the sorted rows in their sorted order, and keeps the query when the sort changes', () => {
    const list = named(['Account 3', 'Account 10', 'Other 1', 'Account 2', 'Account 1']);
    const cache = new RowsViewCache();
    const ascending: SortState = { key: 'account', direction: 'ascending' };
    const descending: SortState = { key: 'account', direction: 'descending' };
    const names = (sort: SortState | undefined, query: string) => cache.get(list, sort, query).rows.map((c) => c.accountName);
    expect(names(ascending, 'account')).to.deep.equal(['Account 1', 'Account 2', 'Account 3', 'Account 10']);
    expect(names(ascending, 'account 1')).to.deep.equal(['Account 1', 'Account 10']);
    expect(names(descending, 'account 1')).to.deep.equal(['Account 10', 'Account 1']);
    expect(names(undefined, 'account 1')).to.deep.equal(['Account 10', 'Account 1']);
    expect(names(undefined, 'other 1')).to.deep.equal(['Other 1']);
  });

  it('finds a changed, an added and a removed account after the store replaces its list', () => {
    const cache = new RowsViewCache();
    const before = named(['alpha', 'beta', 'gamma', 'delta', 'epsilon']);
    expect(ids(cache.get(before, undefined, 'ta').rows)).to.deep.equal(expected(before, 'ta'));
    // The store keeps the objects of what did not change: one renamed, one gone, one new.
    const after = [before[0], { ...before[1], accountName: 'Bravo' }, connection(9, { accountName: 'Zeta' }), before[3], before[4]];
    for (const query of ['ta', 'a', 'br', 'zeta', 'beta']) {
      expect(ids(cache.get(after, undefined, query).rows), query).to.deep.equal(expected(after, query));
    }
    const fewer = [after[0], after[2], after[4]];
    expect(ids(cache.get(fewer, undefined, 'ta').rows)).to.deep.equal(expected(fewer, 'ta'));
  });

  it('matches the account ID and the connection ID, case-insensitively, and a query with a NUL across fields as before', () => {
    const list = [connection(0, { accountName: 'Ünïcode Straße', accountId: 'ACC-77' }), connection(1), connection(2, { id: 'Conn_X' })];
    const cache = new RowsViewCache();
    expect(ids(cache.get(list, undefined, 'acc-7').rows)).to.deep.equal([list[0].id]);
    expect(ids(cache.get(list, undefined, 'ÜNÏCODE STRASSE').rows)).to.deep.equal([]);
    expect(ids(cache.get(list, undefined, 'ünïcode straße').rows)).to.deep.equal([list[0].id]);
    expect(ids(cache.get(list, undefined, 'conn_x').rows)).to.deep.equal(['Conn_X']);
    expect(ids(cache.get(list, undefined, 'straße\u0000acc').rows)).to.deep.equal([list[0].id]);
  });

  it('shows what a plain sort and filter of every row shows, through sorts, queries and new lists', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const names = ['Account', 'account', 'École', 'ÉCOLE', 'Straße', 'ΟΔΟΣ', 'İstanbul', 'Zeta', 'alpha', '日本'];
    const forms = [(t: number) => new Date(t).toISOString(), (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`, (t: number) => `${new Date(t + 7_200_000).toISOString().slice(0, 19)}+02:00`];
    let next = 0;
    const make = (form: (t: number) => string): Connection => {
      // Few distinct times, so that ties are common.
      const time = Date.UTC(2024, 0, 1) + Math.floor(random() * 30) * 86_400_000 * 5;
      return connection(next++, {
        accountName: `${pick(names)} ${Math.floor(random() * 20)}`,
        accountId: random() < 0.3 ? `AB-${Math.floor(random() * 50)}` : String(1000 + Math.floor(random() * 30)),
        status: pick(['active', 'error', 'unknown', 'active'] as const),
        createdAt: form(time),
        updatedAt: random() < 0.2 ? null : form(time + Math.floor(random() * 3) * 3_600_000),
      });
    };
    const keys = ['status', 'account', 'id', 'created', 'updated'] as const;
    for (let trial = 0; trial < 40; trial++) {
      const mixed = trial % 4 === 3;
      const form = pick(forms);
      let list = Array.from({ length: 5 + Math.floor(random() * 60) }, () => make(mixed ? pick(forms) : form));
      const cache = new RowsViewCache();
      let sort: SortState | undefined;
      let query = '';
      for (let step = 0; step < 30; step++) {
        const r = random();
        if (r < 0.25) {
          const key = pick(keys);
          sort = { key, direction: sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' };
        } else if (r < 0.4) query = query.slice(0, -1);
        else if (r < 0.65) query += pick(['a', 'c', '1', ' ', 'o', 'ς', 'ß', '0', 'É', 'i']);
        else if (r < 0.85) {
          // The store's new list keeps the objects of what did not change.
          list = [...list];
          const i = Math.floor(random() * list.length);
          if (random() < 0.5) list[i] = { ...list[i], accountName: pick(names) };
          else list.splice(i, 1, make(form), list[i]);
        }
        const locale = pick(['en-US', 'en-US', 'de', 'ja']);
        expect(ids(cache.get(list, sort, query, locale).rows), `trial ${trial}, step ${step}`).to.deep.equal(reference(list, sort, query, locale));
      }
    }
  });

  it('sorts stably by date: ties keep the store order in both directions, Never is the oldest', () => {
    const at = (iso: string | null) => ({ createdAt: iso ?? '2026-01-01T00:00:00.000Z', updatedAt: iso });
    const list = [
      connection(0, at('2026-03-01T00:00:00.000Z')),
      connection(1, at(null)),
      connection(2, at('2026-02-28T12:00:00.000Z')),
      // Not a day of 2026: Date.parse rolls it over to 1 March, a tie with the first.
      connection(3, at('2026-02-29T00:00:00.000Z')),
      connection(4, at('1970-01-01T00:00:00.000Z')),
      connection(5, at('2026-02-28T12:00:00.000Z')),
      connection(6, at('1969-12-31T23:59:59.000Z')),
    ];
    const cache = new RowsViewCache();
    // Dates all in one form are compared as text; the 29th of February 2026 makes them numbers.
    const valid = list.filter((c) => c.id !== 'conn_4');
    expect(ids(cache.get(valid, { key: 'updated', direction: 'ascending' }, '').rows)).to.deep.equal(['conn_7', 'conn_2', 'conn_5', 'conn_3', 'conn_6', 'conn_1']);
    expect(ids(cache.get(valid, { key: 'updated', direction: 'descending' }, '').rows)).to.deep.equal(['conn_1', 'conn_3', 'conn_6', 'conn_2', 'conn_5', 'conn_7']);
    const order = (direction: SortState['direction']) => ids(cache.get(list, { key: 'updated', direction }, '').rows);
    expect(order('ascending')).to.deep.equal(['conn_7', 'conn_2', 'conn_5', 'conn_3', 'conn_6', 'conn_1', 'conn_4']);
    expect(order('descending')).to.deep.equal(['conn_1', 'conn_4', 'conn_3', 'conn_6', 'conn_2', 'conn_5', 'conn_7']);
  });

  it('sorts dates written in other forms by their time (an offset, no milliseconds)', () => {
    const list = [
      connection(0, { createdAt: '2026-05-01T10:00:00+02:00' }), // 08:00 UTC
      connection(1, { createdAt: '2026-05-01T09:00:00Z' }),
      connection(2, { createdAt: '2026-05-01T07:30:00.000Z' }),
      connection(3, { createdAt: '2026-05-01T08:00:00.000Z' }),
    ];
    const cache = new RowsViewCache();
    expect(ids(cache.get(list, { key: 'created', direction: 'ascending' }, '').rows)).to.deep.equal(['conn_3', 'conn_1', 'conn_4', 'conn_2']);
  });

  it('sorts by status with ties in the store order, and descending keeps that order within each status', () => {
    const statuses: Connection['status'][] = ['active', 'error', 'unknown', 'active', 'error', 'active'];
    const list = statuses.map((status, i) => connection(i, { status }));
    const cache = new RowsViewCache();
    expect(ids(cache.get(list, { key: 'status', direction: 'ascending' }, '').rows)).to.deep.equal(['conn_2', 'conn_5', 'conn_3', 'conn_1', 'conn_4', 'conn_6']);
    expect(ids(cache.get(list, { key: 'status', direction: 'descending' }, '').rows)).to.deep.equal(['conn_1', 'conn_4', 'conn_6', 'conn_3', 'conn_2', 'conn_5']);
  });
});

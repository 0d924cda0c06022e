import type { Connection } from '../api/types.js';

const NUL = '\u0000';

/**
 * The filter's search over one list of connections (the store's, unsorted): the rows whose name,
 * account ID or connection ID contains a lower-cased query, case-insensitively.
 *
 * Every field of every row is in one text, lower-cased in one call and searched with indexOf,
 * which the engine runs over the whole text faster than a loop can visit 50,000 rows: a query
 * costs one pass of native search plus a step per row it matches, and a row it does not match
 * costs nothing in script. So a key typed (or deleted) costs about what the rows it shows do,
 * with no need to narrow the last result. The text is built on the first query over a list and
 * kept for the next ones.
 */
export class SearchIndex {
  /** The fields, lower-cased, each followed by NUL: `starts[i]` is where row i begins. */
  private text?: { text: string; starts: Uint32Array };

  constructor(readonly connections: readonly Connection[]) {}

  /** Indexes of the rows `needle` (lower-cased, not empty) matches, in the list's order. */
  matches(needle: string): number[] {
    const { text, starts } = (this.text ??= lowered(this.connections));
    const found: number[] = [];
    if (needle.includes(NUL)) {
      // As one text per row joined by NUL, as before: a needle with a NUL may match across two
      // fields of a row (never of two rows).
      for (let i = 0; i < this.connections.length; i++) if (text.slice(starts[i], starts[i + 1] - 1).includes(needle)) found.push(i);
    } else {
      // A match never spans a NUL, so it lies in one row: after it, the search goes on from the next.
      let row = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, starts[++row])) {
        while (starts[row + 1] <= at) row++;
        found.push(row);
      }
    }
    return found;
  }
}

/**
 * The rows' fields, lower-cased in one call. Lower-cased together, they are what lower-casing
 * each field alone gives: NUL ends a word for every rule that looks at the letters around (a
 * final sigma, the dot of a Turkish or Lithuanian i).
 */
function lowered(connections: readonly Connection[]): { text: string; starts: Uint32Array } {
  const n = connections.length;
  // One more, empty, for the NUL after the last field: the text is made once, not copied again.
  const fields: string[] = new Array(n * 3 + 1).fill('');
  for (let i = 0; i < n; i++) {
    const c = connections[i];
    fields[3 * i] = c.accountName;
    fields[3 * i + 1] = c.accountId;
    fields[3 * i + 2] = c.id;
  }
  const raw = fields.join(NUL);
  const text = raw.toLocaleLowerCase();
  // One letter (İ) becomes two in lower case: where the lengths differ, the lower-cased fields
  // are counted (no case mapping makes a NUL).
  const lengths = text.length === raw.length ? fields : text.split(NUL);
  const starts = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) starts[i + 1] = starts[i] + lengths[3 * i].length + lengths[3 * i + 1].length + lengths[3 * i + 2].length + 3;
  return { text, starts };
}

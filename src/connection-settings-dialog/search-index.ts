import type { Connection } from '../api/types.js';

/** Matches kept per list (the last queries typed): going back to one costs nothing. */
const KEPT = 8;
/** Fields searched per connection: name, account ID, connection ID. */
const FIELDS = 3;

/**
 * The filter's search over one list of connections (the store's, unsorted): which rows a
 * lower-cased query matches in the name, account ID or connection ID, case-insensitively.
 *
 * Each field is lower-cased once, on the first filter, and kept (an ID already in lower case
 * is kept as it is, without a copy); a new list from the store takes the lower-cased fields of
 * every connection it kept from the list before (the store keeps the object of what did not
 * change). A query that contains an earlier one (typing on: "ab", then "abc") only tests the
 * rows that one matched, and the last queries' matches are kept (deleting back: "ab" again).
 */
export class SearchIndex {
  private texts?: string[];
  private readonly hits = new Map<string, Uint32Array>();
  private previous?: SearchIndex;

  constructor(
    readonly connections: readonly Connection[],
    /** The index of the list this one replaces, whose lower-cased fields it may reuse. */
    previous?: SearchIndex,
  ) {
    // The latest list whose fields were lowered, never a chain of lists.
    this.previous = previous?.texts ? previous : previous?.previous;
  }

  /** Indexes of the rows `needle` (lower-cased, not empty) matches, in the list's order. */
  matches(needle: string): Uint32Array {
    const known = this.hits.get(needle);
    if (known) {
      // Most recently used last: the oldest goes first when the map is full.
      this.hits.delete(needle);
      this.hits.set(needle, known);
      return known;
    }
    let within: Uint32Array | undefined;
    for (const [query, hits] of this.hits) if (needle.includes(query) && (!within || hits.length < within.length)) within = hits;
    const texts = this.lowered();
    const found: number[] = [];
    // Fields apart, as one text joined by NUL characters matched before: a needle with a NUL
    // could match across two fields, so it still does.
    const joined = needle.includes('\u0000');
    const count = within ? within.length : this.connections.length;
    for (let k = 0; k < count; k++) {
      const i = within ? within[k] : k;
      const at = i * FIELDS;
      if (
        joined
          ? `${texts[at]}\u0000${texts[at + 1]}\u0000${texts[at + 2]}`.includes(needle)
          : texts[at].includes(needle) || texts[at + 1].includes(needle) || texts[at + 2].includes(needle)
      ) {
        found.push(i);
      }
    }
    const hits = Uint32Array.from(found);
    if (this.hits.size >= KEPT) this.hits.delete(this.hits.keys().next().value!);
    this.hits.set(needle, hits);
    return hits;
  }

  /**
   * The lower-cased fields, three per row. Lower-cased apart, they are what lower-casing the
   * joined text gave: NUL ends a word for every context-dependent rule (a final sigma, the dot
   * of a Turkish or Lithuanian i).
   */
  private lowered(): string[] {
    if (this.texts) return this.texts;
    const { connections } = this;
    const before = this.previous?.texts && this.previous;
    this.previous = undefined;
    const old = before ? before.connections : [];
    const texts: string[] = new Array(connections.length * FIELDS);
    // Walks both lists at once: a connection found at the same place, or one further on (a
    // row removed before it), keeps its fields. Any other is lower-cased again.
    let j = 0;
    for (let i = 0; i < connections.length; i++) {
      const c = connections[i];
      const from = old[j] === c ? j : old[j + 1] === c ? j + 1 : -1;
      if (from >= 0) {
        for (let f = 0; f < FIELDS; f++) texts[i * FIELDS + f] = before!.texts![from * FIELDS + f];
        j = from + 1;
      } else {
        texts[i * FIELDS] = c.accountName.toLocaleLowerCase();
        texts[i * FIELDS + 1] = c.accountId.toLocaleLowerCase();
        texts[i * FIELDS + 2] = c.id.toLocaleLowerCase();
        // A row added stays in step with the old list; a row changed moves past its old self.
        if (connections[i + 1] !== old[j]) j++;
      }
    }
    this.texts = texts;
    return texts;
  }
}

/**
 * The JSON text of read answers, kept while the rows they were made from are the very same
 * arrays (the storage hands out the same array until the user's next write: see
 * `ConnectionStore.rowsOf`) and the clock has not reached the next moment that changes them (a
 * connection or a link expiring). Once rows are in memory, serialising the answer was most of
 * what a read cost (a CPU profile under `npm run bench:server`).
 */
export class KeptAnswers {
  readonly #kept = new Map<string, { inputs: readonly object[]; until: number; text: string }>();

  /**
   * The answer kept under `key` when it was made of `inputs` and `now` is before its end; else
   * `make()`'s, kept. `make` gives the body and the time it stops being true (Infinity: never).
   */
  text(key: string, inputs: readonly object[], now: number, make: () => { body: unknown; until: number }): string {
    const hit = this.#kept.get(key);
    if (hit && now < hit.until && hit.inputs.length === inputs.length && hit.inputs.every((input, i) => input === inputs[i])) return hit.text;
    const { body, until } = make();
    const text = JSON.stringify(body);
    // Bounded like the rows: a server of many users keeps the answers of its busiest.
    if (this.#kept.size >= 2000) this.#kept.clear();
    this.#kept.set(key, { inputs, until, text });
    return text;
  }
}

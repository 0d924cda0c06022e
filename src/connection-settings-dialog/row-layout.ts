/**
 * Where each row of one list of rows starts in the table body: every row as tall as the
 * estimate, but the few measured otherwise (a failing row with its reason, a long name that
 * wraps), kept as a short sorted list of positions. So a new list (a sort, a filter) costs a
 * step per such row, not one per row, and a row measured anew costs a step per such row too,
 * where a table of tops would move every row below it, 50,000 of them.
 */
export class RowLayout {
  /** Positions of the rows whose height differs from the estimate, ascending. */
  private readonly at: number[] = [];
  /** `sums[k]`: how much taller than the estimate rows `at[0]` to `at[k - 1]` are, together. */
  private readonly sums = [0];

  constructor(
    readonly count: number,
    readonly estimate: number,
    /** [position, height − estimate] for each row measured otherwise. */
    differences: Array<[number, number]> = [],
  ) {
    for (const [position, difference] of differences) this.adjust(position, difference);
  }

  /** Row `index`'s top; `top(count)` is the body's height. */
  top(index: number): number {
    return index * this.estimate + this.sums[this.before(index)];
  }

  /** Row `index`'s height as counted. */
  heightOf(index: number): number {
    const k = this.before(index);
    return this.estimate + (this.at[k] === index ? this.sums[k + 1] - this.sums[k] : 0);
  }

  /** The row at pixel `y` of the body (the last one starting above it). */
  rowAt(y: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.top(middle) <= y) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Row `index` is `delta` taller than counted. */
  adjust(index: number, delta: number): void {
    const k = this.before(index);
    if (this.at[k] !== index) {
      this.at.splice(k, 0, index);
      this.sums.splice(k + 1, 0, this.sums[k]);
    }
    for (let i = k + 1; i < this.sums.length; i++) this.sums[i] += delta;
  }

  /** How many of the positions are below `index`. */
  private before(index: number): number {
    let low = 0;
    let high = this.at.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.at[middle] < index) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from '../api/types.js';
import { RowLayout } from './row-layout.js';
import { rowKeys } from './row-keys.js';

/** What the table body renders: a row, or a spacer as tall as the rows it stands for. */
export type WindowItem =
  | { kind: 'row'; connection: Connection; index: number }
  | { kind: 'spacer'; key: object; height: number };

/** Pixels rendered beyond each edge of the viewport, so a scroll shows rows that already exist. */
const OVERSCAN = 400;
/** A scroll re-renders once less than this is left beyond an edge (fewer, larger updates). */
const MARGIN = 100;
/** The rows' minimum height (3.25rem), until real rows are measured. */
const FIRST_ESTIMATE = 52;
/** Rows measured otherwise than the estimate, found one by one in a new list up to this many. */
const FEW = 64;

/** Spacer keys, first, second, third spacer: objects, so they never equal a connection id. */
const spacerKeys: object[] = [];
const spacerKey = (position: number) => (spacerKeys[position] ??= {});

/**
 * Renders only the rows near the scroll container's viewport, with spacer rows above and below
 * so that the scrollbar stays right; a table of 50,000 accounts then costs what one of 30 does.
 * Rows differ in height (a failing one carries its reason, long names wrap): each rendered row
 * is measured by a ResizeObserver, after layout and without forcing one, and kept per
 * connection id; rows never rendered count as the most common height of the first ones
 * measured, so that most rows measured are as tall as counted and a layout lists only the
 * others (row-layout.ts).
 *
 * A row holding focus stays rendered wherever the user scrolls (a focused element removed from
 * the DOM would drop focus to the page), and so does any row the host asks to keep.
 */
export class WindowedRows implements ReactiveController {
  /** Rows measured, by id, with the connection last rendered in them (to find it in a new list). */
  private readonly heights = new Map<string, { height: number; connection: Connection }>();
  private estimate = FIRST_ESTIMATE;
  private measured = false;
  private layout?: { rows: readonly Connection[]; offsets: RowLayout };
  /** The layout before, while no height changed: clearing a filter goes back to it for free. */
  private previous?: { rows: readonly Connection[]; offsets: RowLayout };
  /** The window last rendered, and its rows' indexes by id. */
  private shown = { start: 0, end: 0, index: new Map<string, number>() };
  /** The rows last rendered (sorted and filtered). */
  private current: readonly Connection[] = [];
  private scrollTop = 0;
  /** The scroll container's height; 0 until it is laid out (the dialog closed). */
  private viewport = 0;
  private width = 0;
  /** The table body's top in the scroll container's content (the filter box is above it). */
  private bodyTop = 0;
  private focused?: string;
  private observer?: ResizeObserver;
  private readonly observed = new Set<Element>();
  /** Arrow keys, Home and End between rows (row-keys.ts): bind it on the table body. */
  readonly onKeydown = rowKeys(this);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The element that scrolls the table. */
    private readonly scroller: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.shadowRoot;
    // Scroll events do not bubble: captured at the root, whichever element renders the scroller.
    root?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    root?.addEventListener('focusin', this.onFocusIn);
    root?.addEventListener('focusout', this.onFocusOut);
    this.observer = new ResizeObserver(this.onResize);
  }

  hostDisconnected(): void {
    const root = this.host.shadowRoot;
    root?.removeEventListener('scroll', this.onScroll, { capture: true });
    root?.removeEventListener('focusin', this.onFocusIn);
    root?.removeEventListener('focusout', this.onFocusOut);
    this.observer?.disconnect();
    this.observed.clear();
  }

  /** Observes the scroller and the rows just rendered; forgets the rows gone. */
  hostUpdated(): void {
    const scroller = this.scroller();
    // No table (the dialog closed, or loading): the next one starts at the top.
    if (!scroller?.querySelector('table')) this.scrollTop = 0;
    const rows = scroller?.querySelectorAll<HTMLElement>('tbody tr[data-id]') ?? [];
    const current = new Set<Element>(rows);
    if (scroller) current.add(scroller);
    // The sticky header's height is the scroll padding (onResize): watched as the rows are.
    const head = scroller?.querySelector('thead');
    if (head) current.add(head);
    for (const element of this.observed) {
      if (!current.has(element)) {
        this.observer?.unobserve(element);
        this.observed.delete(element);
      }
    }
    for (const element of current) {
      if (this.observed.has(element)) continue;
      this.observer?.observe(element);
      this.observed.add(element);
    }
    // A row rendered with a new connection (the store changed it) keeps its height: the new
    // object is the one to find in the next list, and the layout counts the height it knows.
    const layout = this.layout?.rows === this.current ? this.layout.offsets : undefined;
    for (const row of rows) {
      const known = this.heights.get(row.dataset.id!);
      const index = this.shown.index.get(row.dataset.id!);
      if (!known || index === undefined) continue;
      known.connection = this.current[index];
      this.count(layout, index, known.height);
    }
  }

  /**
   * What to render for `rows` (sorted and filtered): the rows in and near view, the rows in
   * `keep` and the focused one wherever they are, spacers for the rest.
   */
  items(rows: readonly Connection[], keep: ReadonlyArray<string | undefined> = []): WindowItem[] {
    const offsets = this.offsetsFor(rows);
    const n = rows.length;
    let { start, end } = this.shown;
    if (end > n || !this.covers(offsets, start, end)) [start, end] = this.around(offsets);
    const runs: Array<[number, number]> = [[start, end]];
    for (const id of [this.focused, ...keep]) {
      const index = id === undefined ? -1 : this.indexOf(rows, id);
      if (index >= 0 && (index < start || index >= end)) runs.push([index, index + 1]);
    }
    runs.sort((a, b) => a[0] - b[0]);
    const items: WindowItem[] = [];
    const index = new Map<string, number>();
    let cursor = 0;
    let spacers = 0;
    for (const [from, to] of runs) {
      if (from < cursor) continue; // the same kept row twice
      items.push({ kind: 'spacer', key: spacerKey(spacers++), height: offsets.top(from) - offsets.top(cursor) });
      for (let i = from; i < to; i++) {
        items.push({ kind: 'row', connection: rows[i], index: i });
        index.set(rows[i].id, i);
      }
      cursor = to;
    }
    items.push({ kind: 'spacer', key: spacerKey(spacers), height: offsets.top(n) - offsets.top(cursor) });
    this.shown = { start, end, index };
    this.current = rows;
    return items;
  }

  /** The rows last rendered, sorted and filtered (the indexes `reveal` takes). */
  get rows(): readonly Connection[] {
    return this.current;
  }

  /**
   * The row after `id` (or before it, at the end), for a row about to go: it takes over the
   * focus pin, so that it is rendered when focus moves to it.
   */
  handOver(id: string): Connection | undefined {
    const index = this.indexOf(this.current, id);
    const neighbour = index < 0 ? undefined : (this.current[index + 1] ?? this.current[index - 1]);
    if (neighbour && this.focused === id) this.focused = neighbour.id;
    return neighbour;
  }

  /** Row `id`'s index in `rows`, or -1. */
  indexOf(rows: readonly Connection[], id: string): number {
    const known = this.shown.index.get(id);
    if (known === undefined) return rows.findIndex((c) => c.id === id);
    if (rows[known]?.id === id) return known;
    // Sorted or filtered anew: the engine finds the same object faster than a step per row.
    const found = this.current[known]?.id === id ? rows.indexOf(this.current[known]) : -1;
    return found >= 0 ? found : rows.findIndex((c) => c.id === id);
  }

  /**
   * Scrolls row `index` of the rows last rendered into view, clear of the sticky header,
   * rendering it first when it is out of the window. Resolves with its `<tr>`.
   */
  async reveal(index: number): Promise<HTMLTableRowElement | null> {
    const scroller = this.scroller();
    const connection = this.current[index];
    if (!scroller || !connection) return null;
    const find = () => scroller.querySelector<HTMLTableRowElement>(`tbody tr[data-id="${CSS.escape(connection.id)}"]`);
    if (!find()) {
      const offsets = this.offsetsFor(this.current);
      const below = offsets.top(index) > this.scrollTop - this.bodyTop;
      scroller.scrollTop = below ? this.bodyTop + offsets.top(index + 1) - scroller.clientHeight : this.bodyTop + offsets.top(index);
      this.scrollTop = scroller.scrollTop;
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    const row = find();
    if (row) {
      // Measured now that it exists: its estimated height may have been off.
      const box = row.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      // The header cells are the sticky boxes (the <thead> itself scrolls away).
      const header = scroller.querySelector('thead th')?.getBoundingClientRect();
      const top = Math.max(view.top + scroller.clientTop, header?.bottom ?? 0);
      const bottom = view.top + scroller.clientTop + scroller.clientHeight;
      if (box.top < top) scroller.scrollTop -= top - box.top;
      else if (box.bottom > bottom) scroller.scrollTop += Math.min(box.bottom - bottom, box.top - top);
      this.scrollTop = scroller.scrollTop;
    }
    return row;
  }

  /** The layout of `rows`, made only when the rows (a sort, a filter, new data) or the estimate changed. */
  private offsetsFor(rows: readonly Connection[]): RowLayout {
    if (this.layout?.rows === rows) return this.layout.offsets;
    if (this.previous?.rows === rows) {
      [this.layout, this.previous] = [this.previous, this.layout];
      return this.layout.offsets;
    }
    const differences: Array<[number, number]> = [];
    const other = [...this.heights.values()].filter((known) => known.height !== this.estimate);
    if (other.length <= FEW) {
      // Each found by the engine's own search of the list, no step of script per row.
      for (const { height, connection } of other) {
        const index = rows.indexOf(connection);
        if (index >= 0) differences.push([index, height - this.estimate]);
      }
    } else {
      for (let i = 0; i < rows.length; i++) {
        const height = this.heights.get(rows[i].id)?.height;
        if (height !== undefined && height !== this.estimate) differences.push([i, height - this.estimate]);
      }
    }
    const offsets = new RowLayout(rows.length, this.estimate, differences);
    this.previous = this.layout;
    this.layout = { rows, offsets };
    return offsets;
  }

  /** The visible part of the table body, in its own coordinates, clamped to its height. */
  private visible(offsets: RowLayout): [number, number] {
    // Before the dialog is laid out, the window's height bounds the viewport.
    const height = this.viewport || (globalThis.innerHeight ?? 800);
    const max = Math.max(0, offsets.top(offsets.count) - height);
    const top = Math.min(Math.max(0, this.scrollTop - this.bodyTop), max);
    return [top, top + height];
  }

  private covers(offsets: RowLayout, start: number, end: number): boolean {
    const [top, bottom] = this.visible(offsets);
    const n = offsets.count;
    if (n === 0) return true;
    return start < end && (start === 0 || offsets.top(start) <= top - MARGIN) && (end === n || offsets.top(end) >= bottom + MARGIN);
  }

  private around(offsets: RowLayout): [number, number] {
    const [top, bottom] = this.visible(offsets);
    return [offsets.rowAt(top - OVERSCAN), Math.min(offsets.count, offsets.rowAt(bottom + OVERSCAN) + 1)];
  }

  private readonly onScroll = (event: Event): void => {
    const scroller = this.scroller();
    if (!scroller || event.target !== scroller) return;
    this.scrollTop = scroller.scrollTop;
    const { start, end } = this.shown;
    if (!this.covers(this.offsetsFor(this.current), start, end)) this.host.requestUpdate();
  };

  private readonly onResize = (entries: ResizeObserverEntry[]): void => {
    const scroller = this.scroller();
    if (!scroller) return;
    const changes: Array<[index: number, height: number]> = [];
    const current = this.current;
    for (const entry of entries) {
      const target = entry.target as HTMLElement;
      if (target === scroller) {
        this.viewport = scroller.clientHeight;
        this.scrollTop = scroller.scrollTop;
        // Another width re-wraps every row: only the rendered ones are known again (below).
        if (scroller.clientWidth !== this.width) this.forgetHidden(scroller.clientWidth);
        continue;
      }
      const id = target.dataset.id;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? target.getBoundingClientRect().height;
      if (id === undefined || !target.isConnected || !height) continue;
      const index = this.shown.index.get(id);
      if (index === undefined) continue;
      // A height the layout before did not know: it is made anew when needed.
      if (this.heights.get(id)?.height !== height) this.previous = undefined;
      this.heights.set(id, { height, connection: current[index] });
      changes.push([index, height]);
    }
    padUnderHeader(scroller);
    const body = scroller.querySelector('tbody');
    if (body) this.bodyTop = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (!this.measured && this.heights.size) {
      // The first rows set the estimate: the font size and the texts decide it, not this file.
      // The most common height (the shorter of two as common), not the mean: most rows then
      // count as they are, and the layout lists only the others.
      this.measured = true;
      const counts = new Map<number, number>();
      let most = 0;
      for (const { height } of this.heights.values()) {
        const count = (counts.get(height) ?? 0) + 1;
        counts.set(height, count);
        if (count > most || (count === most && height < this.estimate)) [most, this.estimate] = [count, height];
      }
      this.layout = this.previous = undefined;
    } else if (this.layout?.rows === current) {
      for (const [index, height] of changes) this.count(this.layout.offsets, index, height);
    }
    // Not at once: rows rendered inside a ResizeObserver callback would be measured in a loop
    // the browser reports as an error. The next frame is soon enough for the margin left.
    requestAnimationFrame(() => {
      // A new estimate changes the spacers: render them anew even when the window still covers.
      const stale = this.layout?.rows !== this.current;
      const { start, end } = this.shown;
      if (stale || !this.covers(this.offsetsFor(this.current), start, end)) this.host.requestUpdate();
    });
  };

  /** Makes `layout` count row `index` as `height` tall (a row rendered is measured, not estimated). */
  private count(layout: RowLayout | undefined, index: number, height: number): void {
    const counted = layout?.heightOf(index);
    if (counted === undefined || counted === height) return;
    layout!.adjust(index, height - counted);
    this.previous = undefined;
  }

  private forgetHidden(width: number): void {
    if (this.width) {
      for (const id of this.heights.keys()) if (!this.shown.index.has(id)) this.heights.delete(id);
      this.layout = this.previous = undefined;
    }
    this.width = width;
  }

  private readonly onFocusIn = (event: Event): void => {
    const id = (event.target as Element).closest?.<HTMLElement>('tbody tr[data-id]')?.dataset.id;
    const was = this.focused;
    this.focused = id;
    if (was !== id) this.release(was);
  };

  /**
   * Focus that leaves for another element of the dialog arrives there (focusin, above). Focus
   * that goes nowhere is decided once the browser settled: when the window lost it, the row
   * still has it (and gets it back with the window), so it stays.
   */
  private readonly onFocusOut = (event: Event): void => {
    const root = this.host.shadowRoot;
    const id = (event.target as Element).closest?.<HTMLElement>('tbody tr[data-id]')?.dataset.id;
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (id === undefined || (next && root?.contains(next))) return;
    setTimeout(() => {
      const active = root?.activeElement?.closest<HTMLElement>('tbody tr[data-id]');
      if (this.focused !== id || active?.dataset.id === id) return;
      this.focused = undefined;
      this.release(id);
    });
  };

  /** Lets a row kept only for focus go, if it is out of the window. */
  private release(id: string | undefined): void {
    const index = id === undefined ? undefined : this.shown.index.get(id);
    if (index !== undefined && (index < this.shown.start || index >= this.shown.end)) this.host.requestUpdate();
  }
}

/**
 * Scroll padding as tall as the sticky header (and the padding it sticks below): a row that
 * Tab, Shift+Tab or a screen reader brings into view stops below the header, not under it.
 */
function padUnderHeader(scroller: HTMLElement): void {
  const head = scroller.querySelector('thead');
  const padding = head ? parseFloat(getComputedStyle(scroller).paddingBlockStart) + head.getBoundingClientRect().height : 0;
  const value = head ? `${Math.ceil(padding)}px` : '';
  // Only a change: a style set to its own value still costs a style recalculation.
  if (scroller.style.scrollPaddingBlockStart !== value) scroller.style.scrollPaddingBlockStart = value;
}

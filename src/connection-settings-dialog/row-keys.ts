import type { Connection } from '../api/types.js';

/** What the keys need of the windowed rows (windowed-rows.ts). */
interface Rows {
  readonly rows: readonly Connection[];
  indexOf(rows: readonly Connection[], id: string): number;
  reveal(index: number): Promise<HTMLTableRowElement | null>;
}

/**
 * Arrow keys between rows, as in a data grid: ArrowUp / ArrowDown move focus to the same
 * control of the previous / next row (or the nearest one, when that row lacks it), Home / End
 * (with or without Ctrl) to the first / last row. Rows out of the window are rendered and
 * scrolled into view first, so the keyboard reaches every account, not only the rendered ones.
 * ArrowLeft / ArrowRight move between the row's own controls (its dates and actions), which
 * make one Tab stop (roving-tabindex.ts), mirrored in a right-to-left page.
 */
export function rowKeys(windowed: Rows): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.altKey || event.metaKey || event.shiftKey || event.isComposing) return;
    const control = event.target as HTMLElement;
    const row = control.closest<HTMLTableRowElement>('tr[data-id]');
    if (!row || control === row) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const rtl = getComputedStyle(row).direction === 'rtl';
      const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
      const items = focusables(row);
      items[items.indexOf(control) + step]?.focus();
      return;
    }
    const rows = windowed.rows;
    const from = windowed.indexOf(rows, row.dataset.id!);
    const to = target(event.key, from, rows.length);
    if (from < 0 || to === undefined) return;
    event.preventDefault();
    if (to === from) return;
    void windowed.reveal(to).then((next) => next && counterpart(control, next)?.focus({ preventScroll: true }));
  };
}

function target(key: string, from: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** A cell's or a row's controls, in reading order: buttons and dates (each at tabindex 0 or -1). */
const focusables = (cell: Element) => [...cell.querySelectorAll<HTMLElement>('button, [tabindex]')];

/** `row`'s control for `control`: the same action, else the same place in the nearest cell that has one. */
function counterpart(control: HTMLElement, row: HTMLTableRowElement): HTMLElement | undefined {
  const action = control.dataset.action;
  const same = action && row.querySelector<HTMLElement>(`[data-action="${action}"]`);
  if (same) return same;
  const cell = control.closest<HTMLTableCellElement>('td, th');
  if (!cell) return undefined;
  const position = focusables(cell).indexOf(control);
  const cells = [...row.cells].sort((a, b) => Math.abs(a.cellIndex - cell.cellIndex) - Math.abs(b.cellIndex - cell.cellIndex));
  for (const candidate of cells) {
    const found = focusables(candidate);
    if (found.length) return found[Math.min(Math.max(position, 0), found.length - 1)];
  }
  return undefined;
}

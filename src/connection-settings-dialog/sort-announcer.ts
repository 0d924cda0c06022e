import { html, type TemplateResult } from 'lit';
import type { Strings } from '../strings/strings.js';
import { columnLabel } from './rows.js';
import type { SortState } from './rows-view.js';

/**
 * A polite live region that says how the rows are sorted, after a click on a column header.
 * `aria-sort` on the header tells a screen reader that reads the table; the user who just pressed
 * the button hears nothing of it, since focus stays on the button. A function of the sort alone:
 * the text changes, and is spoken, only when the sort does; rendered with the table, so it exists
 * (empty, or with the sort kept from before) before the first change to speak.
 */
export function sortAnnouncement(sort: SortState | undefined, s: Strings): TemplateResult {
  const column = sort && columnLabel(sort.key, s);
  const text = !column ? '' : sort.direction === 'ascending' ? s.sortedAscending(column) : s.sortedDescending(column);
  return html`<p class="visually-hidden sort-status" role="status">${text}</p>`;
}

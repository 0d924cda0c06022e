// The baseline for the table of <connection-settings-dialog>: one LitElement, the same columns
// (Status, Account with its Main/Secondary badge, ID, Created Date, Updated Date, row buttons),
// in a modal <dialog> with a scrolling body, sort buttons and a filter box. The rows are a
// property; sorting and filtering are an Array sort / filter and a plain re-render (`map`, no
// keyed repeat, no guard): the naive way, to see what the library's extra machinery buys.
import { LitElement, css, html, nothing, svg } from 'lit';
import type { PlainConnection } from './types.js';

type Key = 'status' | 'account' | 'id' | 'created' | 'updated';

const columns: Array<[Key, string]> = [
  ['status', 'Status'],
  ['account', 'Account'],
  ['id', 'ID'],
  ['created', 'Created Date'],
  ['updated', 'Updated Date'],
];

// One formatter and one collator for the page, as any plain component would keep them.
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const rank = { error: 0, unknown: 1, active: 2 };

const compare: Record<Key, (a: PlainConnection, b: PlainConnection) => number> = {
  status: (a, b) => rank[a.status] - rank[b.status],
  account: (a, b) => collator.compare(a.accountName, b.accountName),
  id: (a, b) => collator.compare(a.accountId, b.accountId),
  created: (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
  updated: (a, b) => Date.parse(a.updatedAt ?? '') - Date.parse(b.updatedAt ?? ''),
};

// Same kind of glyphs as the widgets' (16-unit inline SVG), drawn here from scratch.
const icon = (d: string) => html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${svg`<path d=${d} />`}</svg>`;
const refresh = icon('M8 2a6 6 0 1 0 6 6h-2a4 4 0 1 1-4-4V2Z');
const star = icon('M8 1l2 5h5l-4 3 2 5-5-3-5 3 2-5-4-3h5Z');
const trash = icon('M3 4h10v2H3Zm1 3h8l-1 8H5Z');

export class PlainTable extends LitElement {
  static override properties = {
    rows: { attribute: false },
    open: { type: Boolean },
    sortKey: { state: true },
    descending: { state: true },
    query: { state: true },
  };

  declare rows: PlainConnection[];
  declare open: boolean;
  declare sortKey?: Key;
  declare descending: boolean;
  declare query: string;
  private shown: PlainConnection[] = [];

  constructor() {
    super();
    this.rows = [];
    this.open = false;
    this.descending = false;
    this.query = '';
  }

  static override styles = css`
    :host { font: 0.875rem system-ui, sans-serif; }
    dialog { box-sizing: border-box; width: min(64rem, 100vw - 2rem); max-height: min(48rem, 100dvh - 2rem); padding: 0; }
    dialog[open] { display: flex; flex-direction: column; }
    header, footer { display: flex; align-items: center; gap: 0.75rem; padding: 0.75rem 1rem; }
    h2 { flex: 1; margin: 0; font-size: 1.125rem; }
    .body { flex: 1; overflow: auto; padding: 0.5rem 1rem; }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 0.375rem; text-align: start; border-bottom: 1px solid #d1d5db; }
    thead th { position: sticky; top: 0; background: #f3f4f6; }
    tbody tr { height: 3.25rem; }
    .badge { font-size: 0.75rem; margin-inline-start: 0.25rem; }
    button { font: inherit; }
  `;

  protected override willUpdate(): void {
    // Filter, then sort, from scratch on every update: the plain way.
    const needle = this.query.trim().toLowerCase();
    let rows = needle
      ? this.rows.filter((c) => `${c.accountName} ${c.accountId} ${c.id}`.toLowerCase().includes(needle))
      : this.rows;
    if (this.sortKey) {
      const by = compare[this.sortKey];
      const sign = this.descending ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * by(a, b));
    }
    this.shown = rows;
  }

  protected override render() {
    return html`<dialog id="dialog" part="dialog">
      <header><h2>Google Ads connections</h2><button @click=${() => (this.open = false)}>Close</button></header>
      <div class="body" part="body">${this.open ? this.renderBody() : nothing}</div>
      <footer><button>Add or Update Connector</button></footer>
    </dialog>`;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  private renderBody() {
    return html`<input type="search" placeholder="Name or ID" .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <span>${this.shown.length} of ${this.rows.length} accounts</span>
      <div class="table-wrap" part="table-container">
        <table part="table">
          <thead><tr>
            ${columns.map(([key, label]) => html`<th scope="col" class="col-${key}"><button data-sort=${key} @click=${() => this.sortBy(key)}>${label}</button></th>`)}
            <th scope="col">Actions</th>
          </tr></thead>
          <tbody>${this.shown.map((c) => this.renderRow(c))}</tbody>
        </table>
      </div>`;
  }

  private renderRow(c: PlainConnection) {
    const failing = c.status === 'error';
    const main = c.role === 'main';
    return html`<tr part="row" data-id=${c.id}>
      <td>${failing ? 'Error' : c.status === 'active' ? 'Active' : 'Unknown'}</td>
      <th scope="row">${c.accountName}<span class="badge">${main ? 'Main' : 'Secondary'}</span>
        ${failing ? html`<div>${c.error?.message}</div>` : nothing}</th>
      <td>${c.accountId}</td>
      <td>${dates.format(Date.parse(c.createdAt))}</td>
      <td>${c.updatedAt ? dates.format(Date.parse(c.updatedAt)) : 'Never'}</td>
      <td>
        ${failing ? html`<button>Re-connect</button>` : html`<button aria-label="Refresh data">${refresh}</button>`}
        ${main ? nothing : html`<button aria-label="Make main">${star}</button>`}
        <button aria-label="Delete">${trash}</button>
      </td>
    </tr>`;
  }

  private sortBy(key: Key): void {
    this.descending = this.sortKey === key ? !this.descending : false;
    this.sortKey = key;
  }
}

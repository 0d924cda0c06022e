import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SourceState } from '../store/source-state.js';
import { warningIcon } from '../styles/icons.js';
import { loadFailureText } from '../views/error-text.js';
import type { Strings } from '../strings/strings.js';
import { renderHead, renderRow, renderSkeletonRows } from './rows.js';
import type { RowsView, SortState } from './rows-view.js';

/** The filter box appears above this many accounts. */
const FILTER_THRESHOLD = 10;
const SKELETON_ROWS = 3;

export interface BodyViewOptions {
  state: SourceState;
  /** Whether a store serves the dialog (a provider above, or `endpoint`). */
  hasStore: boolean;
  /** The sorted, filtered rows; undefined while loading (skeleton rows). */
  view?: RowsView;
  sort?: SortState;
  query: string;
  /** The same object while no text changed: rows re-render only when it or `locale` changes. */
  strings: Strings;
  locale?: string;
  /** One listener per table part, not per row: they read `data-sort` / `data-action`. */
  onSortClick(event: Event): void;
  onRowClick(event: Event): void;
  onFilterInput(event: Event): void;
  onRetryLoad(): void;
}

/** What the dialog's body shows: the load failure, the empty state or the table, as the state says. */
export function bodyView(options: BodyViewOptions): TemplateResult {
  const { state } = options;
  const s = options.strings;
  if (!options.hasStore) return html`<p class="note">${s.noEndpoint}</p>`;
  if (state.status === 'error') {
    return html`<div class="load-error" part="load-error" role="alert">
      <p>${warningIcon}<span>${loadFailureText(state.error, s)}</span></p>
      <button type="button" @click=${options.onRetryLoad}>${s.retry}</button>
    </div>`;
  }
  // Rows stay after a failed reload; a small note says they may be out of date.
  const stale =
    state.error && state.status === 'ready'
      ? html`<p class="stale" part="stale">
          ${warningIcon}<span>${s.revalidateFailed}</span>
          <button type="button" class="quiet" @click=${options.onRetryLoad}>${s.retry}</button>
        </p>`
      : nothing;
  if (state.status === 'ready' && state.connections.length === 0) {
    return html`${stale}
      <div class="empty" part="empty">
        <slot name="empty"><p class="empty-title">${s.emptyTitle}</p><p>${s.emptyBody}</p></slot>
      </div>`;
  }
  return html`${stale}${tableView(options)}`;
}

/** The accounts table with its filter box: rows keyed by ID, each skipped while its inputs are unchanged. */
function tableView(options: BodyViewOptions): TemplateResult {
  const { state, view, strings: s, locale } = options;
  const loading = !view;
  const caption = s.tableCaption(state.source?.name ?? state.sourceId);
  const shown = view?.shown ?? 0;
  const total = view?.total ?? 0;
  return html`${total > FILTER_THRESHOLD || options.query ? filterView(options, shown, total) : nothing}
    <div class="table-wrap" part="table-container">
      <table part="table" aria-busy=${loading ? 'true' : 'false'}>
        <caption class="visually-hidden">
          ${loading ? `${caption} (${s.loading})` : caption}
        </caption>
        <thead @click=${options.onSortClick}>
          ${renderHead(s, options.sort, loading)}
        </thead>
        <tbody @click=${options.onRowClick}>
          ${view
            ? repeat(
                view.rows,
                (connection) => connection.id,
                (connection) => {
                  const busy = state.busy.has(connection.id);
                  const hidden = !view.shows(connection);
                  return guard([connection, busy, hidden, s, locale], () => renderRow(connection, busy, hidden, s, locale));
                },
              )
            : renderSkeletonRows(SKELETON_ROWS)}
          ${view && shown === 0
            ? html`<tr>
                <td colspan="6" class="no-match">${s.noMatch(options.query.trim())}</td>
              </tr>`
            : nothing}
        </tbody>
      </table>
    </div>`;
}

function filterView(options: BodyViewOptions, shown: number, total: number): TemplateResult {
  const s = options.strings;
  return html`<div class="filter" part="filter">
    <label for="filter">${s.filterLabel}</label>
    <input
      id="filter"
      type="search"
      part="filter-input"
      autocomplete="off"
      spellcheck="false"
      placeholder=${s.filterPlaceholder}
      .value=${live(options.query)}
      @input=${options.onFilterInput}
    />
    <span class="count" role="status">${s.shownCount(shown, total)}</span>
  </div>`;
}

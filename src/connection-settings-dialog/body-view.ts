import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ExpiryController } from '../controllers/expiry.js';
import { formatTimeUntil } from '../format/dates.js';
import type { SourceState } from '../store/source-state.js';
import { warningIcon } from '../styles/icons.js';
import { loadFailureText } from '../views/error-text.js';
import type { Strings } from '../strings/strings.js';
import { COLUMNS, renderColumns, renderHead, renderRow, renderSkeletonRows } from './rows.js';
import type { RowsView, SortState } from './rows-view.js';
import { sortAnnouncement } from './sort-announcer.js';
import { spacerRow } from './spacer-row.js';
import type { WindowItem } from './windowed-rows.js';

/** The filter box appears above this many accounts. */
const FILTER_THRESHOLD = 10;
const SKELETON_ROWS = 3;

export interface BodyViewOptions {
  state: SourceState;
  /** Whether a store serves the dialog (a provider above, or `endpoint`). */
  hasStore: boolean;
  /** The sorted, filtered rows; undefined while loading (skeleton rows). */
  view?: RowsView;
  /** What of `view` to render: the rows near the viewport and spacers for the others. */
  items?: WindowItem[];
  sort?: SortState;
  query: string;
  /** The same object while no text changed: rows re-render only when it or `locale` changes. */
  strings: Strings;
  locale?: string;
  /** One listener per table part, not per row: they read `data-sort` / `data-action`. */
  onSortClick(event: Event): void;
  onRowClick(event: Event): void;
  onRowKeydown(event: KeyboardEvent): void;
  onFilterInput(event: Event): void;
  onRetryLoad(): void;
  /** Seconds until the store tries again by itself, when it will. */
  retryIn?: number;
  /** Milliseconds until an Expiring account expires (undefined for others). */
  expiry?: Pick<ExpiryController, 'until'>;
}

/** What the dialog's body shows: the load failure, the empty state or the table, as the state says. */
export function bodyView(options: BodyViewOptions): TemplateResult {
  const { state } = options;
  const s = options.strings;
  if (!options.hasStore) return html`<p class="note">${s.noEndpoint}</p>`;
  const { retryIn } = options;
  const countdown = retryIn === undefined ? nothing : html` <span class="countdown">${s.retryingIn(retryIn)}</span>`;
  const retry = retryIn === undefined ? s.retry : s.retryNow;
  if (state.status === 'error') {
    return html`<div class="load-error" part="load-error" role="alert">
      <p>${warningIcon}<span>${loadFailureText(state.error, s)}${countdown}</span></p>
      <button type="button" @click=${options.onRetryLoad}>${retry}</button>
    </div>`;
  }
  // Rows stay after a failed reload; a small note says they may be out of date. A first load
  // that takes a while says so too, with a way to try again.
  const stale =
    state.error && state.status === 'ready'
      ? html`<p class="stale" part="stale">
          ${warningIcon}<span>${s.revalidateFailed}${countdown}</span>
          <button type="button" class="quiet" @click=${options.onRetryLoad}>${retry}</button>
        </p>`
      : state.slow && state.status !== 'ready'
        ? html`<p class="stale" part="stale">
            <span>${s.stillLoading}</span>
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

/**
 * The accounts table with its filter box. Only the rows near the viewport exist (the others are
 * spacers), so `aria-rowcount` and each row's `aria-rowindex` tell assistive technology where a
 * row sits among all; rows are keyed by ID, each skipped while its inputs are unchanged.
 */
function tableView(options: BodyViewOptions): TemplateResult {
  const { state, view, strings: s, locale } = options;
  const loading = !view;
  const caption = s.tableCaption(state.source?.name ?? state.sourceId);
  const shown = view?.rows.length ?? 0;
  const total = view?.total ?? 0;
  // The header row, the accounts, and the row saying that none matches.
  const rowCount = view ? 1 + Math.max(shown, 1) : undefined;
  return html`${total > FILTER_THRESHOLD || options.query ? filterView(options, shown, total) : nothing}
    ${sortAnnouncement(options.sort, s)}
    <div class="table-wrap" part="table-container">
      <table part="table" aria-busy=${loading ? 'true' : 'false'} aria-rowcount=${ifDefined(rowCount)}>
        <caption class="visually-hidden">
          ${loading ? `${caption} (${s.loading})` : caption}
        </caption>
        ${renderColumns()}
        <thead @click=${options.onSortClick}>
          ${renderHead(s, options.sort, loading)}
        </thead>
        <tbody @click=${options.onRowClick} @keydown=${options.onRowKeydown}>
          ${view
            ? repeat(
                options.items ?? [],
                (item) => (item.kind === 'row' ? item.connection.id : item.key),
                (item) => {
                  if (item.kind === 'spacer') return spacerRow(item.height, COLUMNS);
                  const { connection, index } = item;
                  const busy = state.busy.has(connection.id);
                  const left = options.expiry?.until(connection);
                  // A text that changes about once a day: the guard still skips the row in between.
                  const expiresIn = left === undefined ? undefined : formatTimeUntil(left, locale);
                  return guard([connection, busy, index, s, locale, expiresIn], () =>
                    renderRow(connection, busy, index + 2, s, locale, expiresIn),
                  );
                },
              )
            : renderSkeletonRows(SKELETON_ROWS)}
          ${view && shown === 0
            ? html`<tr aria-rowindex="2">
                <td colspan=${COLUMNS} class="no-match">${s.noMatch(options.query.trim())}</td>
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

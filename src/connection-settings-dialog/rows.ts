import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Connection } from '../api/types.js';
import type { RovingOptions } from '../controllers/roving-tabindex.js';
import { formatDate, formatTimestamp } from '../format/dates.js';
import type { Strings } from '../strings/strings.js';
import { checkIcon, hourglassIcon, refreshIcon, starIcon, starOutlineIcon, trashIcon, warningIcon } from '../styles/icons.js';
import type { SortKey, SortState } from './rows-view.js';

/** Row actions, read by the table's one click listener (`data-action` on each button). */
export type RowAction = 'reconnect' | 'make-main' | 'refresh' | 'delete';

/** One Tab stop per row, its first action; its dates and other actions by arrow keys (row-keys.ts). */
export const rowStops: RovingOptions = { group: 'tbody tr[data-id]', item: 'button, time[tabindex]', preferred: '[data-action]' };

/** An IDREF-safe id for a connection's error message (ids are the endpoint's, any text). */
export const reasonId = (connection: Connection) => `reason-${encodeURIComponent(connection.id)}`;

const columns: Array<{ key: SortKey; label: (s: Strings) => string }> = [
  { key: 'status', label: (s) => s.columnStatus },
  { key: 'account', label: (s) => s.columnAccount },
  { key: 'id', label: (s) => s.columnId },
  { key: 'created', label: (s) => s.columnCreated },
  { key: 'updated', label: (s) => s.columnUpdated },
];

/** A sortable column's header text. */
export const columnLabel = (key: SortKey, s: Strings): string => columns.find((c) => c.key === key)!.label(s);

/** The number of columns, for cells that span them all. */
export const COLUMNS = columns.length + 1;

/**
 * Explicit column widths (with `table-layout: fixed`): rendered rows change while the table
 * scrolls, and widths computed from their content would jump with them.
 */
export const renderColumns = (): TemplateResult =>
  html`<colgroup><col class="col-status" /><col class="col-account" /><col class="col-id" /><col class="col-created" /><col class="col-updated" /><col class="col-actions" /></colgroup>`;

/** Header cells with sort buttons; `aria-sort` only on the column the rows are sorted by. */
export function renderHead(strings: Strings, sort: SortState | undefined, disabled: boolean): TemplateResult {
  return html`<tr aria-rowindex="1">
    ${columns.map(({ key, label }) => {
      const direction = sort?.key === key ? sort.direction : undefined;
      return html`<th scope="col" class="col-${key}" aria-sort=${ifDefined(direction)}>
        <button
          type="button"
          class="sort quiet"
          part="sort-button"
          data-sort=${key}
          aria-disabled=${disabled ? 'true' : 'false'}
        >
          <span>${label(strings)}</span>
          <span class="sort-mark ${direction ?? 'none'}" aria-hidden="true"></span>
        </button>
      </th>`;
    })}
    <th scope="col" class="col-actions"><span class="visually-hidden">${strings.columnActions}</span></th>
  </tr>`;
}

/**
 * Icon buttons carry a `title`, the hover label sighted mouse users need; an empty
 * `ariaDescription` (a property: the linter predates the attribute) keeps browsers from reading
 * the title again as a description after the name, which already says it.
 *
 * One account. Pure of element state, so `guard` can skip it when its inputs are unchanged.
 * `rowIndex` counts from the header row (1): rows not rendered still count for assistive technology.
 * `expiresIn` ("in 5 days") is set for an Expiring account: its own status, and Re-connect.
 */
export function renderRow(
  connection: Connection,
  busy: boolean,
  rowIndex: number,
  s: Strings,
  locale: string | undefined,
  expiresIn?: string,
): TemplateResult {
  const failing = connection.status === 'error';
  const expiring = !failing && expiresIn !== undefined;
  const main = connection.role === 'main';
  const disabled = busy ? 'true' : 'false';
  const name = connection.accountName;
  // A long name is cut after two lines, whole on hover; screen readers get all of it.
  const long = name.length > 60;
  return html`<tr
    part="row"
    class=${failing ? 'failing' : expiring ? 'expiring' : ''}
    data-id=${connection.id}
    aria-busy=${busy ? 'true' : 'false'}
    aria-rowindex=${rowIndex}
  >
    <td class="col-status">${expiring ? html`<span class="status expiring">${hourglassIcon}${s.statusExpiring}</span>` : renderStatus(connection, s)}</td>
    <th scope="row" class="col-account">
      <span class="account-name data ${long ? 'clamp' : ''}" title=${ifDefined(long ? name : undefined)}>${name}</span>
      ${main
        ? html`<span class="badge main" part="main-badge">${starIcon}${s.main}</span>`
        : html`<span class="badge secondary">${s.secondary}</span>`}
      ${failing ? html`<span class="reason data" id=${reasonId(connection)}>${connection.error?.message ?? ''}</span>` : nothing}
      ${expiring ? renderExpiry(connection, expiresIn!, s) : nothing}
    </th>
    <td class="col-id"><bdi class="data">${connection.accountId}</bdi></td>
    <td class="col-created">${renderDate(connection.createdAt, locale, s)}</td>
    <td class="col-updated">${renderDate(connection.updatedAt, locale, s)}</td>
    <td class="col-actions">
      <div class="actions">
        ${failing || expiring
          ? html`<button
              type="button"
              class=${failing ? 'danger' : 'warning'}
              part="action-button reconnect-button"
              data-action="reconnect"
              data-prefetch="authorization"
              aria-label=${s.reconnectLabel(name)}
              aria-describedby=${reasonId(connection)}
              aria-disabled=${disabled}
              tabindex="-1"
            >
              ${s.reconnect}
            </button>`
          : html`<button
              type="button"
              class="quiet icon"
              part="action-button refresh-button"
              data-action="refresh"
              aria-label=${s.refreshDataLabel(name)}
              title=${s.refreshData}
              .ariaDescription=${''}
              aria-disabled=${disabled}
              tabindex="-1"
            >
              ${refreshIcon}
            </button>`}
        ${main
          ? nothing
          : html`<button
              type="button"
              class="quiet icon"
              part="action-button make-main-button"
              data-action="make-main"
              aria-label=${s.makeMainLabel(name)}
              title=${s.makeMain}
              .ariaDescription=${''}
              aria-disabled=${disabled}
              tabindex="-1"
            >
              ${starOutlineIcon}
            </button>`}
        <button
          type="button"
          class="quiet icon delete"
          part="action-button delete-button"
          data-action="delete"
          aria-label=${s.deleteLabel(name)}
          title=${s.deleteLabel(name)}
          .ariaDescription=${''}
          aria-disabled=${disabled}
          tabindex="-1"
        >
          ${trashIcon}
        </button>
      </div>
    </td>
  </tr>`;
}

function renderStatus(connection: Connection, s: Strings): TemplateResult {
  switch (connection.status) {
    case 'active':
      return html`<span class="status active">${checkIcon}${s.statusActive}</span>`;
    case 'error':
      // The word and the icon carry the state (never colour alone); the reason is visible text
      // under the account's name (room to read it), and Re-connect points at it (aria-describedby).
      return html`<span class="status error">${warningIcon}${s.statusError}</span>`;
    default:
      return html`<span class="status unknown">${s.statusUnknown}</span>`;
  }
}

/**
 * "Expires in 5 days" under the account, a `<time>` so that the table's tooltip gives the exact
 * date and time on hover and focus; Re-connect points at it as a failing row's points at the reason.
 */
function renderExpiry(connection: Connection, expiresIn: string, s: Strings): TemplateResult {
  return html`<time class="reason expires" id=${reasonId(connection)} datetime=${connection.expiresAt!} tabindex="-1">${s.expiresIn(expiresIn)}</time>`;
}

/**
 * The short date shown, the full timestamp read: screen readers get it in the cell, in browse
 * mode too, and keyboard users reach the date with the row's arrow keys (its tooltip shows the
 * same), without a Tab stop per date. Not focusable by Tab: one stop per row (roving-tabindex.ts).
 */
function renderDate(iso: string | null, locale: string | undefined, s: Strings): TemplateResult {
  if (!iso) return html`<span class="never">${s.never}</span>`;
  return html`<time datetime=${iso} tabindex="-1"
    ><span aria-hidden="true">${formatDate(iso, locale)}</span><span class="visually-hidden full">${formatTimestamp(iso, locale)}</span></time
  >`;
}

/** Placeholder rows the height of real ones, so nothing jumps when the data arrives. */
export function renderSkeletonRows(count: number): TemplateResult {
  const bar = html`<span class="skeleton"></span>`;
  const row = html`<tr class="skeleton-row" aria-hidden="true">
    <td>${bar}</td><td>${bar}</td><td>${bar}</td><td>${bar}</td><td>${bar}</td><td>${bar}</td>
  </tr>`;
  return html`${Array.from({ length: count }, () => row)}`;
}

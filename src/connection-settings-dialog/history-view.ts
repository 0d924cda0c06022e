import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Connection, HistoryEvent } from '../api/types.js';
import type { HistoryController } from '../controllers/history.js';
import { dayKey, formatDay, formatRelative } from '../format/relative.js';
import type { Strings } from '../strings/strings.js';
import { warningIcon } from '../styles/icons.js';
import { loadFailureText } from '../views/error-text.js';

export interface HistoryViewOptions {
  history: HistoryController;
  /** The source's accounts now, for the filter (accounts deleted since appear by their events). */
  connections: readonly Connection[];
  strings: Strings;
  locale?: string;
  now: number;
  onFilter(event: Event): void;
  onMore(): void;
  onRetry(): void;
}

/**
 * What happened to the source's connections, newest first: a list per day under a heading of
 * that day (screen readers move by heading, then read a list), each event with its relative time
 * in a `<time>` (the exact one on hover and focus: the dialog's tooltip), filtered by account,
 * and "Show older" for the next page.
 */
export function historyView(o: HistoryViewOptions): TemplateResult {
  const s = o.strings;
  const { history } = o;
  const filtered = history.connectionId ? accountName(o, history.connectionId) : undefined;
  let content: TemplateResult;
  if (history.error && !history.items.length) {
    content = html`<p class="load-error-line" role="alert">
      ${warningIcon}<span>${loadFailureText(history.error, s)}</span>
      <button type="button" class="quiet" @click=${o.onRetry}>${s.retry}</button>
    </p>`;
  } else if (!history.loaded) {
    content = html`<p class="note" aria-busy="true">${s.loading}</p>`;
  } else if (!history.items.length) {
    content = html`<p class="note">${filtered ? s.historyEmptyFiltered(filtered) : s.historyEmpty}</p>`;
  } else {
    content = html`${days(history.items).map(
        (day, index) => html`<section class="day" aria-labelledby="day-${index}">
          <h4 id="day-${index}" class="day-title">${formatDay(Date.parse(day[0]!.at), o.locale)}</h4>
          <ul class="events" part="history-list">
            ${repeat(day, (event) => event.id, (event) => eventItem(event, o))}
          </ul>
        </section>`,
      )}
      <div class="history-more">
        <p class="count" id="history-count" role="status">${s.historyCount(history.items.length)}</p>
        ${history.nextCursor
          ? html`<button type="button" part="show-older-button" aria-describedby="history-count" aria-busy=${history.loading ? 'true' : 'false'} @click=${o.onMore}>
              ${history.loading ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.showOlder}
            </button>`
          : nothing}
      </div>`;
  }
  return html`<section class="panel history" part="history" aria-labelledby="panel-title" aria-busy=${history.loading ? 'true' : 'false'}>
    <h3 id="panel-title" class="panel-title" tabindex="-1">${s.historyTitle}</h3>
    <div class="filter">
      <label for="history-filter">${s.historyFilterLabel}</label>
      <select id="history-filter" part="history-filter" @change=${o.onFilter}>
        <option value="" ?selected=${!history.connectionId}>${s.historyAllAccounts}</option>
        ${accounts(o).map(([id, name]) => html`<option value=${id} ?selected=${id === history.connectionId}>${name}</option>`)}
      </select>
    </div>
    ${content}
  </section>`;
}

function eventItem(event: HistoryEvent, o: HistoryViewOptions): TemplateResult {
  const s = o.strings;
  const failed = event.type === 'failed';
  return html`<li class="event ${failed ? 'failing' : ''}" part="history-event" data-type=${event.type}>
    <span class="event-text">${failed ? warningIcon : nothing}<span>${eventText(event, s)}</span></span>
    ${event.actor ? html`<span class="event-by data">${s.historyBy(event.actor)}</span>` : nothing}
    ${event.viaLink ? html`<span class="event-by">${s.historyViaLink}</span>` : nothing}
    <time datetime=${event.at} tabindex="0">${formatRelative(event.at, o.now, o.locale)}</time>
    ${event.message && (failed || event.type === 'unknown') ? html`<span class="reason data">${event.message}</span>` : nothing}
  </li>`;
}

export function eventText(event: HistoryEvent, s: Strings): string {
  const name = event.accountName ?? event.accountId ?? '';
  switch (event.type) {
    case 'connected':
      return s.eventConnected(name);
    case 'reconnected':
      return s.eventReconnected(name);
    case 'failed':
      return s.eventFailed(name);
    case 'recovered':
      return s.eventRecovered(name);
    case 'refreshed':
      return s.eventRefreshed(name);
    case 'made_main':
      return s.eventMadeMain(name);
    case 'expiring':
      return s.eventExpiring(name);
    case 'deleted':
      return s.eventDeleted(name);
    case 'link_created':
      return event.message ? `${s.eventLinkCreated} (${s.linkFor(event.message)})` : s.eventLinkCreated;
    case 'link_used':
      return s.eventLinkUsed(name);
    case 'link_revoked':
      return s.eventLinkRevoked;
    default:
      return s.eventUnknown;
  }
}

/** Events grouped by local calendar day, in the order given (newest first). */
function days(events: readonly HistoryEvent[]): HistoryEvent[][] {
  const groups: HistoryEvent[][] = [];
  let key = '';
  for (const event of events) {
    const next = dayKey(Date.parse(event.at));
    if (next !== key || !groups.length) groups.push([]);
    key = next;
    groups.at(-1)!.push(event);
  }
  return groups;
}

/** The accounts to filter by: today's, then those only the history still names (deleted since). */
function accounts(o: HistoryViewOptions): [string, string][] {
  const list = new Map<string, string>(o.connections.map((c) => [c.id, c.accountName]));
  for (const event of o.history.items) {
    if (event.connectionId && !list.has(event.connectionId)) list.set(event.connectionId, event.accountName ?? event.connectionId);
  }
  return [...list];
}

function accountName(o: HistoryViewOptions, connectionId: string): string {
  return accounts(o).find(([id]) => id === connectionId)?.[1] ?? connectionId;
}

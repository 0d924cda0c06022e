/**
 * Run-time checks of the connect-link and history payloads, as `validate.ts` does for the rest of
 * the contract. Apart from it because only the dialog's Links and History views use them: they
 * load with those views, not with every card.
 */
import type {
  ConnectLink,
  ConnectLinkList,
  ConnectLinkRequest,
  ConnectLinkStatus,
  CreatedConnectLink,
  HistoryEvent,
  HistoryEventType,
  HistoryPage,
} from './types.js';

import { join, fail, object, string, optional, timestamp, list } from './checks.js';

/** Only http(s): the link is shown, copied and mailed as the one to open. */
function webUrl(value: unknown, path: string): string {
  const url = string(value, path);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Not an absolute URL: refused below.
  }
  return protocol === 'https:' || protocol === 'http:' ? url : fail('an absolute http(s) URL', url, path);
}

const linkStatuses: readonly ConnectLinkStatus[] = ['pending', 'used', 'revoked', 'expired'];
function linkStatus(value: unknown, path: string): ConnectLinkStatus {
  return linkStatuses.includes(value as ConnectLinkStatus) ? (value as ConnectLinkStatus) : fail(`one of ${linkStatuses.join(', ')}`, value, path);
}

function nullableString(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

export function validateConnectLink(value: unknown, path = ''): ConnectLink {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  return {
    id: string(v.id, at('id')),
    status: linkStatus(v.status, at('status')),
    recipient: nullableString(v.recipient, at('recipient')),
    note: nullableString(v.note, at('note')),
    createdAt: timestamp(v.createdAt, at('createdAt')),
    expiresAt: timestamp(v.expiresAt, at('expiresAt')),
  };
}

export function validateCreatedConnectLink(value: unknown, path = ''): CreatedConnectLink {
  const v = object(value, path);
  // Shown and copied as the link to send: only an http(s) URL.
  return { ...validateConnectLink(v, path), url: webUrl(v.url, join(path, 'url')) };
}

export function validateConnectLinkList(value: unknown, path = ''): ConnectLinkList {
  const v = object(value, path);
  return { items: list(v.items, join(path, 'items'), validateConnectLink) };
}

export function validateConnectLinkRequest(value: unknown, path = ''): ConnectLinkRequest {
  const v = object(value, path);
  const days = v.expiresInDays;
  if (!Number.isInteger(days) || (days as number) < 1) fail('a whole number of days', days, join(path, 'expiresInDays'));
  const request: ConnectLinkRequest = { expiresInDays: days as number };
  const recipient = optional(v.recipient, join(path, 'recipient'), string);
  const note = optional(v.note, join(path, 'note'), string);
  if (recipient !== undefined) request.recipient = recipient;
  if (note !== undefined) request.note = note;
  return request;
}

// A newer endpoint may record more kinds of events: shown as a plain line, never an error.
const historyTypes: readonly HistoryEventType[] = [
  'connected',
  'reconnected',
  'failed',
  'recovered',
  'refreshed',
  'made_main',
  'expiring',
  'deleted',
  'link_created',
  'link_used',
  'link_revoked',
];
function historyType(value: unknown, path: string): HistoryEventType {
  const type = string(value, path) as HistoryEventType;
  return historyTypes.includes(type) ? type : 'unknown';
}

export function validateHistoryEvent(value: unknown, path = ''): HistoryEvent {
  const v = object(value, path);
  const at = (key: string) => join(path, key);
  if (typeof v.viaLink !== 'boolean') fail('a boolean', v.viaLink, at('viaLink'));
  return {
    id: string(v.id, at('id')),
    type: historyType(v.type, at('type')),
    at: timestamp(v.at, at('at')),
    connectionId: nullableString(v.connectionId, at('connectionId')),
    accountName: nullableString(v.accountName, at('accountName')),
    accountId: nullableString(v.accountId, at('accountId')),
    actor: nullableString(v.actor, at('actor')),
    viaLink: v.viaLink,
    message: nullableString(v.message, at('message')),
  };
}

export function validateHistoryPage(value: unknown, path = ''): HistoryPage {
  const v = object(value, path);
  return {
    items: list(v.items, join(path, 'items'), validateHistoryEvent),
    nextCursor: nullableString(v.nextCursor, join(path, 'nextCursor')),
  };
}

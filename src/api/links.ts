import type { ApiClient, RequestOptions } from './client.js';
import type { ConnectLinkList, ConnectLinkRequest, CreatedConnectLink, HistoryPage } from './types.js';
import { validateConnectLinkList, validateCreatedConnectLink, validateHistoryPage } from './validate-links.js';

/**
 * The connect-link and history part of the contract, as functions of an `ApiClient` rather than
 * methods of it: the client ships with every card, these only with the dialog's views that use them.
 */

const segment = encodeURIComponent;
const sourcePath = (sourceId: string) => `data-sources/${segment(sourceId)}`;

export function createConnectLink(client: ApiClient, sourceId: string, body: ConnectLinkRequest, options?: RequestOptions): Promise<CreatedConnectLink> {
  // Only the contract's fields, and only those set.
  const request: ConnectLinkRequest = { expiresInDays: body.expiresInDays };
  if (body.recipient) request.recipient = body.recipient;
  if (body.note) request.note = body.note;
  return client.send({ method: 'POST', path: `${sourcePath(sourceId)}/links`, body: request, read: validateCreatedConnectLink, signal: options?.signal });
}

export function listConnectLinks(client: ApiClient, sourceId: string, options?: RequestOptions): Promise<ConnectLinkList> {
  return client.send({ method: 'GET', path: `${sourcePath(sourceId)}/links`, read: validateConnectLinkList, signal: options?.signal });
}

export async function revokeConnectLink(client: ApiClient, sourceId: string, linkId: string, options?: RequestOptions): Promise<void> {
  await client.send({ method: 'DELETE', path: `${sourcePath(sourceId)}/links/${segment(linkId)}`, signal: options?.signal });
}

export interface HistoryQuery {
  /** Only the events of this connection. */
  connectionId?: string;
  /** The `nextCursor` of the previous page: the events older than it. */
  cursor?: string;
  limit?: number;
}

export function getHistory(client: ApiClient, sourceId: string, query: HistoryQuery = {}, options?: RequestOptions): Promise<HistoryPage> {
  const params = new URLSearchParams();
  if (query.connectionId) params.set('connectionId', query.connectionId);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.size ? `?${params}` : '';
  return client.send({ method: 'GET', path: `${sourcePath(sourceId)}/history${search}`, read: validateHistoryPage, signal: options?.signal });
}

// Connect links and history for the msw endpoint (endpoint.ts): the same rules as the reference
// backend (pending links only are listed, single use, newest events first, cursor pages).
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Connection, ConnectLink, HistoryEvent } from '../src/api/types.js';
import type { MockSource } from './data.js';

const error = (status: number, code: string, message: string) => HttpResponse.json({ error: { code, message } }, { status });

/** What the source's data adds while links wait: their count (the widgets poll while it is above 0). */
export function pendingLinkCount(source: MockSource, now = Date.now()): { pendingLinkCount?: number } {
  const count = (source.links ?? []).filter((l) => l.status === 'pending' && Date.parse(l.expiresAt) > now).length;
  return count ? { pendingLinkCount: count } : {};
}

let counter = 0;

/** Records an event, newest first, as the backend does in the write's transaction. */
export function record(source: MockSource, event: Omit<HistoryEvent, 'id' | 'at'> & { at?: string }): void {
  source.history ??= [];
  source.history.unshift({ id: `evt_mock_${++counter}`, at: new Date().toISOString(), ...event });
}

/**
 * A teammate used the pending link `linkId`: the account is connected (main), the link leaves
 * the pending list and both events are recorded. Tests call it where the link's page would.
 */
export function useLink(source: MockSource, linkId: string, account: { accountName: string; accountId: string }): Connection {
  const link = source.links?.find((l) => l.id === linkId && l.status === 'pending');
  if (!link) throw new Error(`No pending link ${linkId} in ${source.id}`);
  link.status = 'used';
  const connection: Connection = {
    id: `conn_link_${linkId}`,
    ...account,
    status: 'active',
    role: 'main',
    createdAt: new Date().toISOString(),
    updatedAt: null,
    ...(link.recipient && { connectedBy: link.recipient }),
  };
  for (const c of source.connections) c.role = 'secondary';
  source.connections.unshift(connection);
  const about = { connectionId: connection.id, accountName: account.accountName, accountId: account.accountId, actor: link.recipient, viaLink: true, message: null };
  record(source, { type: 'link_used', ...about });
  record(source, { type: 'connected', ...about });
  return connection;
}

export function linkHandlers(base: string, sources: Map<string, MockSource>, guard: () => Promise<Response | undefined>): RequestHandler[] {
  const sourceOf = (id: unknown) => sources.get(String(id));
  return [
    http.get(`${base}/data-sources/:sourceId/links`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const source = sourceOf(params.sourceId);
      if (!source) return error(404, 'data_source_not_found', 'Unknown data source');
      const now = Date.now();
      const items = (source.links ?? []).filter((l) => l.status === 'pending' && Date.parse(l.expiresAt) > now);
      return HttpResponse.json({ items });
    }),
    http.post(`${base}/data-sources/:sourceId/links`, async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const source = sourceOf(params.sourceId);
      if (!source) return error(404, 'data_source_not_found', 'Unknown data source');
      const body = (await request.json()) as { recipient?: string; note?: string; expiresInDays: number };
      const now = Date.now();
      const id = `lnk_mock_${++counter}`;
      const link: ConnectLink = {
        id,
        status: 'pending',
        recipient: body.recipient ?? null,
        note: body.note ?? null,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + body.expiresInDays * 86_400_000).toISOString(),
      };
      (source.links ??= []).unshift(link);
      record(source, { type: 'link_created', connectionId: null, accountName: null, accountId: null, actor: null, viaLink: false, message: link.recipient });
      return HttpResponse.json({ ...link, url: `${location.origin}/api/connect/${id}/${'T'.repeat(43)}` }, { status: 201 });
    }),
    http.delete(`${base}/data-sources/:sourceId/links/:linkId`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const link = sourceOf(params.sourceId)?.links?.find((l) => l.id === String(params.linkId));
      if (!link) return error(404, 'link_not_found', 'Unknown link');
      if (link.status === 'used') return error(409, 'link_used', 'This link was already used.');
      if (link.status === 'pending') {
        link.status = 'revoked';
        record(sourceOf(params.sourceId)!, { type: 'link_revoked', connectionId: null, accountName: null, accountId: null, actor: null, viaLink: false, message: link.recipient });
      }
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/data-sources/:sourceId/history`, async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const source = sourceOf(params.sourceId);
      if (!source) return error(404, 'data_source_not_found', 'Unknown data source');
      const query = new URL(request.url).searchParams;
      const connectionId = query.get('connectionId');
      const limit = Number(query.get('limit') ?? 50);
      const offset = Number(query.get('cursor')?.slice(1) ?? 0);
      const events = (source.history ?? []).filter((e) => !connectionId || e.connectionId === connectionId);
      const items = events.slice(offset, offset + limit);
      return HttpResponse.json({ items, nextCursor: offset + limit < events.length ? `c${offset + limit}` : null });
    }),
  ];
}

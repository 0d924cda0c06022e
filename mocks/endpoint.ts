// A stateful in-memory implementation of the HTTP contract as msw handlers: tests and stories
// click through the widgets and see the same rules the reference backend applies.
import { http, HttpResponse, delay, type RequestHandler } from 'msw';
import type { AccountSelection, AuthorizationOutcome, Connection, SelectableAccount } from '../src/api/types.js';
import type { MockSource } from './data.js';

export interface MockEndpoint {
  handlers: RequestHandler[];
  sources: Map<string, MockSource>;
  /** Outcomes by state; a test completes one with `complete()`. */
  outcomes: Map<string, AuthorizationOutcome>;
  /** Completes the authorization `state` as the provider's callback would (newest becomes main). */
  complete(state: string, account?: { accountName: string; accountId: string }): AuthorizationOutcome;
  /**
   * Ends the authorization `state` with several accounts to choose from, as a manager account's
   * sign-in does (connected ones carry their connection ID); without `state`, opens such a choice
   * for `sourceId` as if a sign-in had just ended (stories show the step directly).
   */
  offer(accounts: Account[], target: { state: string } | { sourceId: string }): AuthorizationOutcome & { accounts: SelectableAccount[] };
}

type Account = { accountName: string; accountId: string };

export interface MockOptions {
  /** Path of the endpoint, e.g. '/api' (default). */
  base?: string;
  /** Answers every request with this status and the contract's error body. */
  failWith?: number;
  /** Milliseconds before each answer (loading states). */
  latency?: number | 'infinite';
}

/** How long re-connected credentials last, as the reference backend grants them. */
const RENEWED_MS = 60 * 86_400_000;

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message } }, { status });

/**
 * The list's query, as the reference backend reads it: none, or `include=connections` with
 * `ids` (comma-separated, 1 to 100). Returns the IDs, or why the query is refused.
 */
export function batchQuery(params: URLSearchParams): { ids: string[] } | undefined | string {
  const names = [...new Set(params.keys())];
  if (!names.length) return undefined;
  const unknown = names.find((name) => name !== 'include' && name !== 'ids');
  if (unknown) return `Unknown query parameter "${unknown}".`;
  if (params.getAll('include').join() !== 'connections') return 'The parameter "include" must be "connections".';
  const ids = params.getAll('ids');
  if (ids.length !== 1 || !ids[0]) return 'The parameter "ids" is required, once, with 1 to 100 IDs.';
  const list = ids[0].split(',');
  if (list.length > 100 || list.some((id) => !id)) return 'The parameter "ids" takes 1 to 100 non-empty IDs.';
  return { ids: [...new Set(list)] };
}

/** Main first, then newest first: the order of the contract's answers. */
const sortedConnections = (connections: Connection[]) =>
  [...connections].sort(
    (a, b) => Number(b.role === 'main') - Number(a.role === 'main') || b.createdAt.localeCompare(a.createdAt),
  );

export function mockEndpoint(initial: MockSource[], options: MockOptions = {}): MockEndpoint {
  const base = options.base ?? '/api';
  const sources = new Map(initial.map((s) => [s.id, structuredClone(s)]));
  const outcomes = new Map<string, AuthorizationOutcome>();
  const pendingFor = new Map<string, { sourceId: string; connectionId?: string }>();
  /** Choices offered and not yet made, by state (single use, as the reference backend's). */
  const choices = new Map<string, { sourceId: string; accounts: SelectableAccount[] }>();
  let counter = 0;

  const wait = async () => {
    if (options.latency === 'infinite') await delay('infinite');
    else if (options.latency) await delay(options.latency);
  };
  const guard = async () => {
    await wait();
    return options.failWith ? error(options.failWith, 'mock_failure', `Mock failure ${options.failWith}`) : undefined;
  };
  const find = (sourceId: string, id?: string) => {
    const source = sources.get(sourceId);
    const connection = id ? source?.connections.find((c) => c.id === id) : undefined;
    return { source, connection };
  };
  const promote = (source: MockSource, main: Connection) => {
    for (const c of source.connections) c.role = c === main ? 'main' : 'secondary';
  };

  const handlers: RequestHandler[] = [
    http.get(`${base}/data-sources`, async ({ request }) => {
      const failure = await guard();
      if (failure) return failure;
      const query = batchQuery(new URL(request.url).searchParams);
      if (typeof query === 'string') return error(400, 'invalid_query', query);
      const chosen = query ? query.ids.flatMap((id) => sources.get(id) ?? []) : [...sources.values()];
      return HttpResponse.json({
        items: chosen.map(({ connections, ...s }) => ({
          ...s,
          connectionCount: connections.length,
          errorCount: connections.filter((c) => c.status === 'error').length,
          ...(query && { connections: sortedConnections(connections) }),
        })),
      });
    }),
    http.get(`${base}/data-sources/:sourceId`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const { source } = find(String(params.sourceId));
      return source ? HttpResponse.json(source) : error(404, 'not_found', 'Unknown data source');
    }),
    http.patch(`${base}/data-sources/:sourceId/connections/:id`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const { source, connection } = find(String(params.sourceId), String(params.id));
      if (!source || !connection) return error(404, 'not_found', 'Unknown connection');
      promote(source, connection);
      return HttpResponse.json(connection);
    }),
    http.post(`${base}/data-sources/:sourceId/connections/:id/refresh`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const { connection } = find(String(params.sourceId), String(params.id));
      if (!connection) return error(404, 'not_found', 'Unknown connection');
      if (connection.status === 'error') return error(409, 'connection_in_error', 'Re-connect this account first.');
      connection.updatedAt = new Date().toISOString();
      return HttpResponse.json(connection);
    }),
    http.delete(`${base}/data-sources/:sourceId/connections/:id`, async ({ params }) => {
      const failure = await guard();
      if (failure) return failure;
      const { source, connection } = find(String(params.sourceId), String(params.id));
      if (!source || !connection) return error(404, 'not_found', 'Unknown connection');
      source.connections = source.connections.filter((c) => c !== connection);
      const newest = [...source.connections].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (connection.role === 'main' && newest) promote(source, newest);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/data-sources/:sourceId/authorizations`, async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const sourceId = String(params.sourceId);
      if (!sources.has(sourceId)) return error(404, 'not_found', 'Unknown data source');
      const body = (await request.json()) as { connectionId?: string };
      // Unique across the page, as a real endpoint's are: a page picks a state's flow up once.
      const state = `state_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
      pendingFor.set(state, { sourceId, connectionId: body.connectionId });
      outcomes.set(state, { state, status: 'pending' });
      return HttpResponse.json(
        { authorizationUrl: `${location.origin}/mock-provider/authorize?state=${state}`, state },
        { status: 201 },
      );
    }),
    http.post(`${base}/authorizations/:state/selection`, async ({ params, request }) => {
      const failure = await guard();
      if (failure) return failure;
      const state = String(params.state);
      const choice = choices.get(state);
      if (!choice) return outcomes.has(state) ? error(409, 'selection_closed', 'This choice was already made or cancelled.') : error(404, 'not_found', 'Unknown state');
      const body = (await request.json()) as AccountSelection;
      const offered = new Map(choice.accounts.map((a) => [a.accountId, a]));
      const ids = Array.isArray(body.accountIds) ? [...new Set(body.accountIds)] : [];
      if (!ids.length || ids.some((id) => !offered.has(id))) return error(400, 'invalid_selection', 'Choose one or more of the offered accounts.');
      const mainId = body.mainAccountId ?? ids[0];
      if (!ids.includes(mainId)) return error(400, 'invalid_selection', 'The main account must be one of the chosen ones.');
      const source = sources.get(choice.sourceId)!;
      const items = ids.map((id) => authorizeAccount(source, offered.get(id)!, `${state}_${id}`));
      promote(source, items[ids.indexOf(mainId)]!);
      choices.delete(state);
      outcomes.set(state, { state, status: 'completed', connectionId: items[ids.indexOf(mainId)]!.id });
      return HttpResponse.json({ items });
    }),
    http.delete(`${base}/authorizations/:state/selection`, async ({ params }) => {
      const state = String(params.state);
      if (!choices.delete(state)) return error(404, 'not_found', 'No open choice for this state');
      outcomes.set(state, { state, status: 'failed', error: { code: 'selection_cancelled', message: 'No account was chosen.' } });
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/authorizations/:state`, async ({ params }) => {
      const outcome = outcomes.get(String(params.state));
      return outcome ? HttpResponse.json(outcome) : error(404, 'not_found', 'Unknown state');
    }),
  ];

  /** New credentials for `account`: its connection renewed in place, or a new one (not yet main). */
  function authorizeAccount(source: MockSource, account: Account, key: string, connectionId?: string): Connection {
    const now = new Date().toISOString();
    let connection =
      source.connections.find((c) => c.id === connectionId) ?? source.connections.find((c) => c.accountId === account.accountId);
    if (connection) {
      // Fresh credentials: an expiry, when the account has one, starts over (as the backend's 60 days).
      const expiresAt = connection.expiresAt ? new Date(Date.now() + RENEWED_MS).toISOString() : connection.expiresAt;
      Object.assign(connection, { status: 'active', updatedAt: now, expiresAt });
      if (expiresAt === undefined) delete connection.expiresAt;
      delete connection.error;
    } else {
      const { accountName, accountId } = account;
      connection = { id: `conn_new_${key}`, accountName, accountId, status: 'active', role: 'secondary', createdAt: now, updatedAt: null };
      source.connections.unshift(connection);
    }
    return connection;
  }

  function complete(state: string, account = { accountName: 'New account', accountId: '999-000-111' }) {
    const pending = pendingFor.get(state);
    const source = pending && sources.get(pending.sourceId);
    if (!pending || !source) throw new Error(`No pending authorization ${state}`);
    const connection = authorizeAccount(source, account, state, pending.connectionId);
    promote(source, connection);
    const outcome: AuthorizationOutcome = { state, status: 'completed', connectionId: connection.id };
    outcomes.set(state, outcome);
    return outcome;
  }

  function offer(accounts: Account[], target: { state: string } | { sourceId: string }) {
    const state = 'state' in target ? target.state : `state_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
    const sourceId = 'state' in target ? pendingFor.get(state)?.sourceId : target.sourceId;
    const source = sourceId === undefined ? undefined : sources.get(sourceId);
    if (!sourceId || !source) throw new Error(`No pending authorization ${state}`);
    const offered = accounts.map(({ accountName, accountId }): SelectableAccount => {
      const connection = source.connections.find((c) => c.accountId === accountId);
      return connection ? { accountId, accountName, connectionId: connection.id } : { accountId, accountName };
    });
    choices.set(state, { sourceId, accounts: offered });
    const outcome = { state, status: 'awaiting_selection' as const, accounts: offered };
    outcomes.set(state, outcome);
    return outcome;
  }

  return { handlers, sources, outcomes, complete, offer };
}

import type { Authorization, ConnectionList, DataSourceList } from '../../src/api/types.js';
import type { App } from './app.js';
import { authorizationUrlFor } from './authorizations.js';
import { outcomeOf } from './selection.js';
import { callbackRoute } from './callback.js';
import { connectionNotFound, nextExpiry, oneSource, sourceNotFound, sourcesOf } from './connections.js';
import { HttpError, sendJson, sendJsonText, sendNoContent } from './http.js';
import { KeptAnswers } from './kept-answers.js';
import { linkFacts, nextLinkExpiry, withLinks } from './links.js';
import type { StoredTokens } from './oauth/token-store.js';
import type { Route } from './router.js';
import type { Sql } from './storage/sql.js';
import {
  connectionIdParam,
  listQuery,
  optionalConnectionIdField,
  originField,
  readEmptyBody,
  readJsonObject,
  sourceIdParam,
  stateParam,
} from './validation.js';

const SOURCE = '/api/data-sources/:sourceId';
const CONNECTION = `${SOURCE}/connections/:connectionId`;

/** The contract of DESIGN section 3, with the shapes of src/api/types.ts. */
export function apiRoutes(app: App): Route[] {
  const { connections, authorizations } = app;
  const kept = new KeptAnswers();

  /**
   * The JSON of a read of `ids`' sources with their connections (and what the links add), shaped
   * by `shape`: the batch's list, one source, or one source's connections. Kept while its rows
   * are unchanged (kept-answers.ts); an unknown source of a single read is a 404.
   */
  async function sourcesAnswer(userId: string, ids: readonly string[], shape: 'batch' | 'source' | 'connections'): Promise<string> {
    const rows = await connections.sourceRows(userId, ids);
    if (shape !== 'batch' && !rows.length) throw sourceNotFound(ids[0]!);
    const facts = await linkFacts(app, userId);
    const now = app.now();
    return kept.text(`${shape}\u0000${userId}\u0000${ids.join(',')}`, [rows, facts], now, () => {
      const sources = sourcesOf(rows, ids, new Date(now).toISOString());
      const until = Math.min(nextExpiry(rows, now), nextLinkExpiry(facts, now));
      if (shape === 'source') return { body: withLinks(facts, [oneSource(sources[0]!)], now)[0], until };
      const items = withLinks(facts, sources, now);
      return { body: shape === 'batch' ? ({ items } satisfies DataSourceList) : ({ items: items[0]!.connections } satisfies ConnectionList), until };
    });
  }

  return [
    {
      method: 'GET',
      pattern: '/api/data-sources',
      kind: 'json',
      // Its own query: `include=connections&ids=…`, the batched load of many cards.
      query: true,
      async handle({ res, url, userId }) {
        const batch = listQuery(url);
        if (batch) return sendJsonText(res, 200, await sourcesAnswer(userId, batch.ids, 'batch'));
        sendJson(res, 200, { items: await connections.listSources(userId) } satisfies DataSourceList);
      },
    },
    {
      method: 'GET',
      pattern: SOURCE,
      kind: 'json',
      async handle({ res, params, userId }) {
        sendJsonText(res, 200, await sourcesAnswer(userId, [sourceIdParam(params.sourceId!)], 'source'));
      },
    },
    {
      method: 'GET',
      pattern: `${SOURCE}/connections`,
      kind: 'json',
      async handle({ res, params, userId }) {
        sendJsonText(res, 200, await sourcesAnswer(userId, [sourceIdParam(params.sourceId!)], 'connections'));
      },
    },
    {
      method: 'POST',
      pattern: `${SOURCE}/authorizations`,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const body = await readJsonObject(req, ['connectionId', 'origin']);
        const connectionId = optionalConnectionIdField(body.connectionId, 'connectionId');
        const origin = originField(body.origin);
        await connections.requireSource(sourceId);
        if (connectionId && !(await connections.findAccount(userId, sourceId, connectionId))) throw connectionNotFound(sourceId, connectionId);
        // Counted once the request is known to be valid: a typo does not use up the allowance.
        await app.rateLimit(userId, 'authorizations');
        const row = await authorizations.create(userId, sourceId, connectionId, origin);
        const answer: Authorization = {
          authorizationUrl: await authorizationUrlFor(app, app.baseUrl(req), row),
          state: row.state,
          expiresAt: new Date(row.expires_at).toISOString(),
        };
        sendJson(res, 201, answer);
      },
    },
    // Before `/api/authorizations/:state`, which its path also fits.
    callbackRoute(app),
    {
      method: 'GET',
      pattern: '/api/authorizations/:state',
      kind: 'json',
      async handle({ res, params, userId }) {
        const state = stateParam(params.state!);
        const row = await authorizations.get(state);
        // Someone else's state is, to this user, no state at all.
        if (!row || row.user_id !== userId) throw new HttpError(404, 'authorization_not_found', 'There is no authorization with this state (unknown, or finished over a day ago).');
        sendJson(res, 200, await outcomeOf(app, row));
      },
    },
    {
      method: 'PATCH',
      pattern: CONNECTION,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        const body = await readJsonObject(req, ['role']);
        if (body.role !== 'main') {
          throw new HttpError(400, 'invalid_body', 'The field "role" must be "main" (make this connection the main one).');
        }
        sendJson(res, 200, await connections.makeMain(userId, sourceId, connectionId, { actor: await app.actorName(userId) }));
      },
    },
    {
      method: 'POST',
      pattern: `${CONNECTION}/refresh`,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        if ((await connections.getConnection(userId, sourceId, connectionId)).status === 'active') await app.oauth?.checkAccess(sourceId, connectionId);
        sendJson(res, 200, await connections.refresh(userId, sourceId, connectionId, { actor: await app.actorName(userId) }));
      },
    },
    {
      method: 'DELETE',
      pattern: CONNECTION,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        // The grant it held, read as it goes: revoked at the platform once the delete committed,
        // unless other connections of its sign-in hold it too (best effort: never fails the delete).
        let held: StoredTokens | undefined;
        const before = async (tx: Sql) => {
          held = await app.oauth?.tokens.get(connectionId, tx).catch(() => undefined);
        };
        await connections.delete(userId, sourceId, connectionId, { actor: await app.actorName(userId) }, before);
        await app.oauth?.retire(sourceId, held);
        sendNoContent(res);
      },
    },
  ];
}

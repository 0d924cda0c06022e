import type { Authorization, ConnectionList, DataSourceList } from '../../src/api/types.js';
import type { App } from './app.js';
import { authorizationUrlFor } from './authorizations.js';
import { outcomeOf } from './selection.js';
import { callbackRoute } from './callback.js';
import { connectionNotFound } from './connections.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { connectionsWithLinks, withLinks } from './links.js';
import type { Route } from './router.js';
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
  return [
    {
      method: 'GET',
      pattern: '/api/data-sources',
      kind: 'json',
      // Its own query: `include=connections&ids=…`, the batched load of many cards.
      query: true,
      handle({ res, url }) {
        const batch = listQuery(url);
        const items = batch ? connections.loadSources(batch.ids).map((source) => withLinks(app, source)) : connections.listSources();
        sendJson(res, 200, { items } satisfies DataSourceList);
      },
    },
    {
      method: 'GET',
      pattern: SOURCE,
      kind: 'json',
      handle: ({ res, params }) => sendJson(res, 200, withLinks(app, connections.getSource(sourceIdParam(params.sourceId!)))),
    },
    {
      method: 'GET',
      pattern: `${SOURCE}/connections`,
      kind: 'json',
      handle({ res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        sendJson(res, 200, { items: connectionsWithLinks(app, sourceId, connections.listConnections(sourceId)) } satisfies ConnectionList);
      },
    },
    {
      method: 'POST',
      pattern: `${SOURCE}/authorizations`,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const body = await readJsonObject(req, ['connectionId', 'origin']);
        const connectionId = optionalConnectionIdField(body.connectionId, 'connectionId');
        const origin = originField(body.origin);
        connections.requireSource(sourceId);
        if (connectionId && !connections.findAccount(sourceId, connectionId)) throw connectionNotFound(sourceId, connectionId);
        const row = authorizations.create(sourceId, connectionId, origin);
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
      handle({ res, params }) {
        const state = stateParam(params.state!);
        const row = authorizations.get(state);
        if (!row) throw new HttpError(404, 'authorization_not_found', 'There is no authorization with this state (unknown, or finished over a day ago).');
        sendJson(res, 200, outcomeOf(app, row));
      },
    },
    {
      method: 'PATCH',
      pattern: CONNECTION,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        const body = await readJsonObject(req, ['role']);
        if (body.role !== 'main') {
          throw new HttpError(400, 'invalid_body', 'The field "role" must be "main" (make this connection the main one).');
        }
        sendJson(res, 200, connections.makeMain(sourceId, connectionId));
      },
    },
    {
      method: 'POST',
      pattern: `${CONNECTION}/refresh`,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        if (connections.getConnection(sourceId, connectionId).status === 'active') await app.oauth?.checkAccess(sourceId, connectionId);
        sendJson(res, 200, connections.refresh(sourceId, connectionId));
      },
    },
    {
      method: 'DELETE',
      pattern: CONNECTION,
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        connections.delete(sourceId, connectionId);
        sendNoContent(res);
      },
    },
  ];
}

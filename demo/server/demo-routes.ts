import type { App } from './app.js';
import { resetDatabase } from './db.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { OAuthError } from './oauth/index.js';
import type { Route } from './router.js';
import { connectionIdParam, readEmptyBody, sourceIdParam } from './validation.js';

/** Controls for the demo and its tests; mounted only with `demo: true`. */
export function demoRoutes(app: App): Route[] {
  return [
    {
      // What a person does in the platform's settings ("remove this app's access"), done through
      // the platform's revocation endpoint; the connection then shows what the platform answers.
      method: 'POST',
      pattern: '/api/demo/data-sources/:sourceId/connections/:connectionId/revoke',
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        app.connections.getConnection(sourceId, connectionId);
        let revoked: boolean;
        try {
          revoked = (await app.oauth?.revokeAtPlatform(sourceId, connectionId)) ?? false;
        } catch (error) {
          if (error instanceof OAuthError) throw new HttpError(502, 'platform_unavailable', 'The platform could not be reached to revoke the grant.');
          throw error;
        }
        if (!revoked) throw new HttpError(409, 'no_grant', 'This connection holds no grant to revoke (it is already in error, or was never authorized).');
        sendJson(res, 200, app.connections.getConnection(sourceId, connectionId));
      },
    },
    {
      method: 'POST',
      pattern: '/api/demo/reset',
      kind: 'json',
      async handle({ req, res }) {
        await readEmptyBody(req);
        resetDatabase(app.db, app.now());
        await app.oauth?.provisionSeed();
        sendNoContent(res);
      },
    },
  ];
}

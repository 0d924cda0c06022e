import type { App } from './app.js';
import { resetDatabase } from './db.js';
import { sendJson, sendNoContent } from './http.js';
import type { Route } from './router.js';
import { connectionIdParam, errorCodeField, readEmptyBody, readJsonObject, sourceIdParam, textField } from './validation.js';

const DEFAULT_FAILURE = {
  code: 'invalid_grant',
  message: 'The credentials were changed or revoked. Re-connect to restore data updates.',
};

/** Controls for the demo and its tests; mounted only with `demo: true`. */
export function demoRoutes(app: App): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/api/demo/data-sources/:sourceId/connections/:connectionId/fail',
      kind: 'json',
      async handle({ req, res, params }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        const body = await readJsonObject(req, ['code', 'message']);
        const code = errorCodeField(body.code, 'code') ?? DEFAULT_FAILURE.code;
        const message = textField(body.message, 'message', 500) ?? DEFAULT_FAILURE.message;
        sendJson(res, 200, app.connections.fail(sourceId, connectionId, code, message));
      },
    },
    {
      method: 'POST',
      pattern: '/api/demo/reset',
      kind: 'json',
      async handle({ req, res }) {
        await readEmptyBody(req);
        resetDatabase(app.db, app.now());
        sendNoContent(res);
      },
    },
  ];
}

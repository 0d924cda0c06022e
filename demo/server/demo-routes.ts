import type { App } from './app.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { OAuthError } from './oauth/index.js';
import type { Route } from './router.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';
import { checkAccount, connectionIdParam, readEmptyBody, readJsonObject, sourceIdParam } from './validation.js';

/** The demo pages' cookie: script cannot read it, and no other site's page can send it. */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`;
}

/** Controls for the demo and its tests; mounted only with `demo: true`. */
export function demoRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/demo/users',
      kind: 'json',
      public: true,
      handle: async ({ res }) => sendJson(res, 200, { items: await app.sessions.users() }),
    },
    {
      // The demo's sign-in: anyone may be anyone, which is what a demo wants and a host must not copy.
      method: 'POST',
      pattern: '/api/demo/session',
      kind: 'json',
      public: true,
      async handle({ req, res }) {
        const body = await readJsonObject(req, ['user']);
        const user = typeof body.user === 'string' ? await app.sessions.user(body.user) : undefined;
        if (!user) throw new HttpError(400, 'invalid_body', 'The field "user" must be the ID of a demo user (GET /api/demo/users lists them).');
        const token = await app.sessions.signIn(user.id);
        sendJson(res, 201, { token, user }, { 'Set-Cookie': sessionCookie(token) });
      },
    },
    {
      // An account connected as if its authorization had just completed (with no tokens behind
      // it): for tests and load runs that are not about the sign-in.
      method: 'POST',
      pattern: '/api/demo/data-sources/:sourceId/connections',
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const body = await readJsonObject(req, ['accountId', 'accountName']);
        const account = checkAccount(typeof body.accountId === 'string' ? body.accountId : undefined, typeof body.accountName === 'string' ? body.accountName : undefined);
        if ('problem' in account) throw new HttpError(400, 'invalid_body', account.problem);
        const id = await app.connections.authorize(userId, sourceId, account.accountId, account.accountName, undefined, undefined, {
          actor: await app.actorName(userId),
        });
        sendJson(res, 201, await app.connections.getConnection(userId, sourceId, id));
      },
    },
    {
      // What a person does in the platform's settings ("remove this app's access"), done through
      // the platform's revocation endpoint; the connection then shows what the platform answers.
      method: 'POST',
      pattern: '/api/demo/data-sources/:sourceId/connections/:connectionId/revoke',
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const sourceId = sourceIdParam(params.sourceId!);
        const connectionId = connectionIdParam(params.connectionId!);
        await readEmptyBody(req);
        // Only the user's own: someone else's connection is not found.
        await app.connections.getConnection(userId, sourceId, connectionId);
        let revoked: boolean;
        try {
          revoked = (await app.oauth?.revokeAtPlatform(sourceId, connectionId)) ?? false;
        } catch (error) {
          if (error instanceof OAuthError) throw new HttpError(502, 'platform_unavailable', 'The platform could not be reached to revoke the grant.');
          throw error;
        }
        if (!revoked) throw new HttpError(409, 'no_grant', 'This connection holds no grant to revoke (it is already in error, or was never authorized).');
        sendJson(res, 200, await app.connections.getConnection(userId, sourceId, connectionId));
      },
    },
    {
      method: 'POST',
      pattern: '/api/demo/reset',
      kind: 'json',
      async handle({ req, res }) {
        await readEmptyBody(req);
        await app.storage.reset(app.now());
        app.sessions.forget();
        await app.oauth?.provisionSeed();
        sendNoContent(res);
      },
    },
  ];
}

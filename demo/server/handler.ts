import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { LOOPBACK_HOSTS, OriginPolicy, RateLimiter, hostChecker } from './access.js';
import { apiRoutes } from './api-routes.js';
import type { App, LimitedAction } from './app.js';
import { AuthorizationStore } from './authorizations.js';
import { ConnectionStore } from './connections.js';
import { demoRoutes } from './demo-routes.js';
import { historyRoutes } from './history.js';
import { linkChoiceRoutes } from './link-choice.js';
import { linkPageRoutes } from './link-page.js';
import { LinkStore, linkRoutes } from './links.js';
import { toFetchHandler } from './fetch-adapter.js';
import { ClientGoneError, HttpError, baseHeaders, sendApiError, sendHtml, sendText } from './http.js';
import { newNonce, noticePage, pageHeaders } from './pages.js';
import { OAuthRuntime, type OAuthOptions } from './oauth/index.js';
import { findRoute, type Route } from './router.js';
import { selectionRoutes, sweepChoices } from './selection.js';
import { SessionStore, credentialOf } from './sessions.js';
import type { Storage } from './storage/sql.js';
import { serveFile } from './static-files.js';
import { rejectQuery } from './validation.js';

export interface HandlerOptions {
  /** Where everything is kept: `openDatabase` (SQLite) or `openPostgres`. */
  storage: Storage;
  /**
   * Who sent this request (a user ID), or undefined for 401. Default: the reference backend's
   * own sessions (a bearer token, or the demo pages' cookie). A host passes its own.
   */
  authenticate?: (req: IncomingMessage) => string | undefined | Promise<string | undefined>;
  /** Other origins whose pages may call the API (exact origins, or a test; none by default, never `*`). */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean);
  /** Host names served (any port); default the loopback names. Anything else gets 403. */
  allowedHosts?: readonly string[];
  /** The public URL of this server (no trailing slash), or how to derive it from a request. */
  publicUrl?: string | ((req: IncomingMessage) => string);
  /** Per-user limits; default 10 authorization starts and 20 links a minute. */
  rateLimits?: Partial<Record<LimitedAction, { limit: number; perMs: number }>>;
  /** Mounts the demo controls and the demo sign-in under /api/demo. */
  demo?: boolean;
  /** Serves the callback page with COOP: same-origin, cutting `window.opener`. */
  callbackCoop?: boolean;
  /** The clock, in ms since the epoch; tests move it to expire states. */
  now?: () => number;
  /** Where server faults are reported (default: stderr); never the client. */
  log?: (message: string) => void;
  /** The data platforms' authorization servers and this backend's client registrations. */
  oauth?: OAuthOptions;
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** The contract as a request handler: node:http / Express style, with `.fetch` for Fetch-style servers. */
export interface Handler extends NodeHandler {
  fetch(request: Request): Promise<Response>;
  readonly app: App;
  /** Stops the token refresh job (after its last renewal); the storage is the host's to close. */
  close(): Promise<void>;
}

const MINUTE = 60_000;
const LOGOS = fileURLToPath(new URL('./logos/', import.meta.url));
const INTERNAL = new HttpError(500, 'internal_error', 'Something went wrong on the server. Please try again.');
const UNAUTHORIZED = new HttpError(401, 'unauthorized', 'Sign in first: this request carries no valid credential.', {
  'WWW-Authenticate': 'Bearer',
});

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Whether a path is the handler's: the contract under /api (its callback and logos included). */
export const ownsPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

const isLinkPage = (pathname: string): boolean => pathname.startsWith('/api/connect/');

export function createHandler(options: HandlerOptions): Handler {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  const { sql } = options.storage;
  const sessions = new SessionStore(sql, now);
  const limiter = new RateLimiter(
    sql,
    { authorizations: { limit: 10, perMs: MINUTE }, links: { limit: 20, perMs: MINUTE }, ...options.rateLimits },
    now,
  );
  const publicUrl = options.publicUrl;
  const connections = new ConnectionStore(sql, now);
  const app: App = {
    storage: options.storage,
    sql,
    connections,
    authorizations: new AuthorizationStore(sql, now),
    sessions,
    links: new LinkStore(sql, now),
    actorName: async (userId) => (await sql.get<{ name: string }>('SELECT name FROM users WHERE id = ?', [userId]))?.name ?? userId,
    now,
    baseUrl:
      typeof publicUrl === 'function' ? publicUrl : publicUrl ? () => publicUrl : (req) => `http://${(req.headers.host ?? '').toLowerCase()}`,
    callbackCoop: options.callbackCoop ?? false,
    log,
    rateLimit: (userId, action) => limiter.take(userId, action),
    ...(options.oauth && { oauth: new OAuthRuntime(options.oauth, sql, connections, now, log) }),
  };
  // Each round of the refresh job also revokes the grants of account choices left to expire.
  app.oauth?.job.also(() => sweepChoices(app));
  app.oauth?.job.start();
  const authenticate = options.authenticate ?? ((req: IncomingMessage) => {
    const token = credentialOf(req);
    return token === undefined ? undefined : sessions.userOf(token);
  });
  const checkHost = hostChecker(options.allowedHosts ?? LOOPBACK_HOSTS);
  const origins = new OriginPolicy(options.allowedOrigins ?? []);
  const api = [
    ...apiRoutes(app),
    ...selectionRoutes(app),
    ...linkRoutes(app),
    ...historyRoutes(app),
    // The page a connect link opens (public: the token names the link and its user), and the
    // choice of accounts after it (public: the sealed state it carries names them).
    ...linkChoiceRoutes(app),
    ...linkPageRoutes(app),
    ...(options.demo ? demoRoutes(app) : []),
  ];

  function fail(kind: Route['kind'], res: ServerResponse, error: unknown): void {
    if (error instanceof ClientGoneError) {
      // Nobody is left to answer, and nothing is wrong with the server: one line, no stack.
      log(`[demo server] ${error.message}`);
      return void res.destroy();
    }
    const known = error instanceof HttpError ? error : INTERNAL;
    if (known === INTERNAL) log(`[demo server] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) return void res.destroy();
    if (kind === 'json') return sendApiError(res, known);
    const nonce = newNonce();
    const title = known === INTERNAL ? 'Something went wrong' : 'This request cannot be served';
    sendHtml(res, known.status, noticePage(nonce, title, known.message), { ...pageHeaders(nonce, "'none'"), ...known.headers });
  }

  async function dispatch(routes: Route[], req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const kind = 'json';
    const segments = decodeSegments(url.pathname);
    if (!segments) return fail(kind, res, new HttpError(400, 'invalid_path', 'The path is not valid percent-encoding.'));
    const match = findRoute(routes, req.method ?? 'GET', segments);
    if (!match) return fail(kind, res, new HttpError(404, 'not_found', `There is no ${req.method} ${url.pathname} route.`));
    if ('allow' in match) {
      const allow = match.allow.join(', ');
      return fail(kind, res, new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here (allowed: ${allow}).`, { Allow: allow }));
    }
    const { route, params } = match;
    try {
      if (!route.query) rejectQuery(url);
      let userId = '';
      if (!route.public) {
        userId = (await authenticate(req)) ?? '';
        if (!userId) throw UNAUTHORIZED;
      }
      await route.handle({ req, res, url, params, userId });
    } catch (error) {
      fail(route.kind, res, error);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> {
    const target = req.url ?? '/';
    // Origin-form only ("/path"): anything else is not meant for this server.
    const pathname = target.startsWith('/') ? target.split('?', 1)[0]! : '';
    if (!ownsPath(pathname)) {
      if (next) return next();
      baseHeaders(res);
      return sendText(res, target.startsWith('/') ? 404 : 400, target.startsWith('/') ? 'Not found.\n' : 'Bad request target.\n');
    }
    baseHeaders(res);
    try {
      checkHost(req);
      // A connect link's page posts its own form with `Origin: null` (its Referrer-Policy hides
      // the token-bearing URL) and carries no cookie: the token in its path is what authorizes it.
      if (!isLinkPage(pathname) && origins.apply(req, res)) return;
    } catch (error) {
      return fail('json', res, error);
    }
    const url = new URL(`http://server${target}`);
    // The logos, under the endpoint too: the API's `logoUrl`s are relative to it.
    if (pathname.startsWith('/api/logos/')) return serveFile(LOGOS, pathname.slice('/api/logos'.length), req, res);
    return dispatch(api, req, res, url);
  }

  const handler = ((req, res, next) => {
    handle(req, res, next).catch((error: unknown) => fail('html', res, error));
  }) as Handler;
  Object.defineProperty(handler, 'app', { value: app });
  handler.fetch = toFetchHandler(handler);
  handler.close = async () => app.oauth?.close();
  return handler;
}

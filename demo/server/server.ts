import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { apiRoutes } from './api-routes.js';
import type { App } from './app.js';
import { AuthorizationStore } from './authorizations.js';
import { ConnectionStore } from './connections.js';
import { openDatabase } from './db.js';
import { demoRoutes } from './demo-routes.js';
import { historyRoutes } from './history.js';
import { linkPageRoutes } from './link-page.js';
import { LinkStore, linkRoutes } from './links.js';
import { ClientGoneError, HttpError, baseHeaders, sendApiError, sendHtml, sendText } from './http.js';
import { OAuthRuntime, type OAuthOptions } from './oauth/index.js';
import { newNonce, noticePage, pageHeaders } from './pages.js';
import { selectionRoutes } from './selection.js';
import { findRoute, type Route } from './router.js';
import { serveFile } from './static-files.js';
import { rejectQuery } from './validation.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: this is a demo with no authentication. */
  host?: '127.0.0.1';
  dbPath: string;
  /** Mounts the demo controls under /api/demo. */
  demo?: boolean;
  /** Serves the callback page with COOP: same-origin, cutting `window.opener`. */
  callbackCoop?: boolean;
  /** A folder served at `/` (GET only): the demo pages, `demo/public/`. */
  staticRoot?: string;
  /** A folder served at `/dist/` (GET only): the built library the demo pages load. */
  distRoot?: string;
  /** The clock, in ms since the epoch; tests move it to expire states. */
  now?: () => number;
  /** Where server faults are reported (default: stderr); never the client. */
  log?: (message: string) => void;
  /** The data platforms' authorization servers and this backend's client registrations. */
  oauth?: OAuthOptions;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

const LOGOS = fileURLToPath(new URL('./logos/', import.meta.url));

const INTERNAL = new HttpError(500, 'internal_error', 'Something went wrong on the server. Please try again.');

const TOKEN_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/**
 * Any origin may call the API: hosts live elsewhere, and they authenticate with headers (the
 * client's `getHeaders`), not cookies, so `*` opens nothing a credentialed request could abuse.
 */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method !== 'OPTIONS') return false;
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': requested && TOKEN_LIST.test(requested) ? requested : 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
    Vary: 'Access-Control-Request-Headers',
  });
  res.end();
  return true;
}

/** `localhost`, `127.0.0.1` or `[::1]`, with an optional port: the names a browser on this machine uses. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

/**
 * The origin a request reached us at, from its Host header. A page opened on
 * `http://localhost:PORT` must get its pop-up on that same origin, or the callback page's
 * BroadcastChannel (same-origin only) can never reach it. Only the loopback names on our own
 * port are taken: any other Host (a DNS-rebinding page, a typo, a proxy) gets our own address,
 * so a request can never make the server hand out links to somewhere else.
 */
function requestOrigin(req: IncomingMessage, port: number, fallback: string): string {
  const match = LOOPBACK_HOST.exec(req.headers.host ?? '');
  if (!match || Number(match[2] ?? 80) !== port) return fallback;
  // Lowercased, and through URL so that port 80 is dropped: the origin as a browser writes it.
  return new URL(`http://${match[1]!.toLowerCase()}:${port}`).origin;
}

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.error(message));
  const db = openDatabase(options.dbPath, now());
  let url = '';
  let port = 0;
  const connections = new ConnectionStore(db, now);
  const app: App = {
    db,
    connections,
    authorizations: new AuthorizationStore(db, now),
    links: new LinkStore(db, now),
    now,
    baseUrl: (req) => requestOrigin(req, port, url),
    callbackCoop: options.callbackCoop ?? false,
    log,
    ...(options.oauth && { oauth: new OAuthRuntime(options.oauth, db, connections, now, log) }),
  };
  const api = [...apiRoutes(app), ...selectionRoutes(app), ...linkRoutes(app), ...historyRoutes(app), ...(options.demo ? demoRoutes(app) : [])];
  const linkPages = linkPageRoutes(app);

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

  async function dispatch(routes: Route[], kind: Route['kind'], req: IncomingMessage, res: ServerResponse, requestUrl: URL): Promise<void> {
    const segments = decodeSegments(requestUrl.pathname);
    if (!segments) return fail(kind, res, new HttpError(400, 'invalid_path', 'The path is not valid percent-encoding.'));
    const match = findRoute(routes, req.method ?? 'GET', segments);
    if (!match) {
      return fail(kind, res, new HttpError(404, 'not_found', `There is no ${req.method} ${requestUrl.pathname} route.`));
    }
    if ('allow' in match) {
      const allow = match.allow.join(', ');
      return fail(kind, res, new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here (allowed: ${allow}).`, { Allow: allow }));
    }
    try {
      if (!match.route.query) rejectQuery(requestUrl);
      await match.route.handle({ req, res, url: requestUrl, params: match.params });
    } catch (error) {
      fail(match.route.kind, res, error);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    const target = req.url ?? '/';
    // Origin-form only ("/path"): anything else is not meant for this server.
    if (!target.startsWith('/')) return sendText(res, 400, 'Bad request target.\n');
    const requestUrl = new URL(`http://server${target}`);
    const { pathname } = requestUrl;
    // Logos under the endpoint too, where the API's relative `logoUrl`s point.
    if (pathname.startsWith('/api/logos/')) return serveFile(LOGOS, pathname.slice('/api/logos'.length), req, res);
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      if (cors(req, res)) return;
      return dispatch(api, 'json', req, res, requestUrl);
    }
    if (pathname.startsWith('/connect/')) return dispatch(linkPages, 'html', req, res, requestUrl);
    if (pathname.startsWith('/logos/')) return serveFile(LOGOS, pathname.slice('/logos'.length), req, res);
    // `/dist` alone is no file; under it, the same traversal-safe lookup as every static root.
    if (options.distRoot && (pathname === '/dist' || pathname.startsWith('/dist/'))) {
      return serveFile(options.distRoot, pathname.slice('/dist'.length), req, res);
    }
    if (options.staticRoot) return serveFile(options.staticRoot, pathname, req, res);
    sendText(res, 404, 'Not found.\n');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => fail('html', res, error));
  });
  // A stalled client must not hold a socket for the default five minutes.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await app.oauth?.close();
    db.close();
    throw error;
  }
  ({ port } = server.address() as AddressInfo);
  url = `http://127.0.0.1:${port}`;
  try {
    await options.oauth?.register?.([url, `http://localhost:${port}`, `http://[::1]:${port}`]);
    await app.oauth?.provisionSeed();
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    await app.oauth?.close();
    db.close();
    throw error;
  }
  app.oauth?.job.start();

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          // The refresh job's last renewal finishes before the database it writes to closes.
          void (app.oauth?.close() ?? Promise.resolve()).finally(() => {
            db.close();
            resolve();
          });
        });
        // Keep-alive sockets would hold `close` open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

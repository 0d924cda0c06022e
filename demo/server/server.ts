import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db.js';
import { sessionCookie } from './demo-routes.js';
import { createHandler, type HandlerOptions } from './handler.js';
import { LOOPBACK_HOSTS, hostChecker } from './access.js';
import { HttpError, baseHeaders, sendText } from './http.js';
import type { OAuthRuntime } from './oauth/index.js';
import { DEMO_USERS } from './seed.js';
import { credentialOf } from './sessions.js';
import { serveFile } from './static-files.js';
import type { Storage } from './storage/sql.js';

export interface ServerOptions extends Omit<HandlerOptions, 'storage' | 'publicUrl'> {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the demo signs anyone in as anyone. */
  host?: '127.0.0.1';
  /** The SQLite file; ignored when `storage` is given. */
  dbPath?: string;
  /** Another storage (PostgreSQL): the server does not close it. */
  storage?: Storage;
  /** A folder served at `/` (GET only): the demo pages, `demo/public/`. */
  staticRoot?: string;
  /** A folder served at `/dist/` (GET only): the built library the demo pages load. */
  distRoot?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** A bearer token for a user (the reference sessions): what tests and load runs send. */
  signIn(userId: string): Promise<string>;
  /** The OAuth side (tokens, refresh job), when a platform is configured: what tests drive the job through. */
  oauth?: OAuthRuntime;
  close(): Promise<void>;
}

const LOGOS = fileURLToPath(new URL('./logos/', import.meta.url));

/** `localhost`, `127.0.0.1` or `[::1]`, with an optional port: the names a browser on this machine uses. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

/**
 * The origin a request reached us at, from its Host header. A page opened on
 * `http://localhost:PORT` must get its pop-up on that same origin, or the callback page's
 * BroadcastChannel (same-origin only) can never reach it. Only the loopback names on our own
 * port are taken: any other port (a proxy, a typo) gets our own address, so a request can never
 * make the server hand out links to somewhere else.
 */
function requestOrigin(req: IncomingMessage, port: number, fallback: string): string {
  const match = LOOPBACK_HOST.exec(req.headers.host ?? '');
  if (!match || Number(match[2] ?? 80) !== port) return fallback;
  // Lowercased, and through URL so that port 80 is dropped: the origin as a browser writes it.
  return new URL(`http://${match[1]!.toLowerCase()}:${port}`).origin;
}

/** The demo backend: the contract's handler, plus the demo pages, the built library and the logos. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const own = !options.storage;
  if (own && !options.dbPath) throw new Error('startServer needs dbPath or storage.');
  const storage = options.storage ?? (await openDatabase(options.dbPath!, now()));
  let url = '';
  let port = 0;
  const handler = createHandler({ ...options, storage, now, publicUrl: (req) => requestOrigin(req, port, url) });
  const { sessions } = handler.app;

  /** Demo pages open signed in (as the first demo user) when they carry no valid cookie yet. */
  async function signInPage(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!options.demo || !(pathname.endsWith('/') || pathname.endsWith('.html'))) return;
    const token = credentialOf(req);
    if (token && (await sessions.userOf(token))) return;
    res.setHeader('Set-Cookie', sessionCookie(await sessions.signIn(DEMO_USERS[0].id)));
  }

  const checkHost = hostChecker(options.allowedHosts ?? LOOPBACK_HOSTS);

  async function files(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    if (!req.url?.startsWith('/')) return sendText(res, 400, 'Bad request target.\n');
    try {
      // The same Host check as the API: a rebinding page gets no page, and no sign-in cookie.
      checkHost(req);
    } catch (error) {
      return sendText(res, 403, `${(error as HttpError).message}\n`);
    }
    const pathname = new URL(`http://server${req.url}`).pathname;
    if (pathname.startsWith('/logos/')) return serveFile(LOGOS, pathname.slice('/logos'.length), req, res);
    // `/dist` alone is no file; under it, the same traversal-safe lookup as every static root.
    if (options.distRoot && (pathname === '/dist' || pathname.startsWith('/dist/'))) {
      return serveFile(options.distRoot, pathname.slice('/dist'.length), req, res);
    }
    if (options.staticRoot) {
      await signInPage(req, res, pathname);
      return serveFile(options.staticRoot, pathname, req, res);
    }
    sendText(res, 404, 'Not found.\n');
  }

  const server = createServer((req, res) => {
    handler(req, res, () => {
      files(req, res).catch((error: unknown) => {
        (options.log ?? console.error)(`[demo server] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) res.destroy();
        else sendText(res, 500, 'Something went wrong on the server.\n');
      });
    });
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
    await handler.close();
    if (own) await storage.close();
    throw error;
  }
  ({ port } = server.address() as AddressInfo);
  url = `http://127.0.0.1:${port}`;
  try {
    await options.oauth?.register?.([url, `http://localhost:${port}`, `http://[::1]:${port}`]);
    await handler.app.oauth?.provisionSeed();
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    await handler.close();
    if (own) await storage.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    signIn: (userId) => sessions.signIn(userId),
    ...(handler.app.oauth && { oauth: handler.app.oauth }),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close(() => {
          // The refresh job's last renewal finishes before the database it writes to closes.
          handler
            .close()
            .then(() => (own ? storage.close() : undefined))
            .then(resolve, reject);
        });
        // Keep-alive sockets would hold `close` open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

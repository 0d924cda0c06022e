// Starts the demo backend on a free port with its own temp database, as the OAuth client of its
// own local platform (authorization server), and speaks to both over real HTTP the way the
// widgets and the pop-up's browser would. With DSW_TEST_POSTGRES set (a server URL;
// `npm run test:postgres` sets it), each test gets a fresh PostgreSQL database there instead of a
// SQLite file: the same suites test both storages.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPlatform, type Platform } from '../../demo/platform/platform.js';
import { oauthOptionsFor } from '../../demo/platform/wiring.js';
import { startServer, type RunningServer, type ServerOptions } from '../../demo/server/server.js';
import { openPostgres } from '../../demo/server/storage/postgres.js';
import type { Authorization, AuthorizationMessage, Connection, DataSource } from '../../src/api/types.js';

export const ORIGIN = 'http://host.example:3000';

export interface TestServer extends RunningServer {
  dbPath: string;
  /** The bearer token of the first demo user, which `call` sends unless told otherwise. */
  token: string;
  /** Server faults the server logged (never sent to a client). */
  logs: string[];
  /** The server's clock; `advance` moves it, e.g. past a state's expiry. */
  clock: { now: number; advance(ms: number): void };
  /** The authorization server this backend is a client of (its own clock is the real one). */
  platform: Platform;
  /** The key that seals this server's tokens at rest. */
  tokenKey: Buffer;
  /** Starts another server on the same database (another port), after this one is closed. */
  restart(): Promise<TestServer>;
  /**
   * Starts a second instance beside this one (another port, its own connection or pool) on the
   * same database, clock, platform and token key: two instances behind one load balancer.
   */
  twin(): Promise<TestServer>;
  /** Runs SQL on the database behind the server's back (as a broken disk or another instance would). */
  exec(text: string): Promise<void>;
  /** Reads rows from the database behind the server's back (what a copy of it would hold). */
  rows<T = Record<string, unknown>>(text: string): Promise<T[]>;
}

/** The PostgreSQL server the suites run against, when one is given. */
export const POSTGRES_URL = process.env.DSW_TEST_POSTGRES || undefined;

/** A fresh, empty database on the test PostgreSQL server; its URL. */
export async function createPostgresDatabase(t: TestContext): Promise<string> {
  const name = `dsw_${Math.random().toString(36).slice(2, 12)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  t.after(async () => {
    const again = new pg.Client({ connectionString: POSTGRES_URL });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => again.end());
  });
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.href;
}

type Options = Omit<ServerOptions, 'dbPath' | 'now' | 'log' | 'oauth' | 'storage'>;

interface Shared {
  clock: TestServer['clock'];
  platform: Platform;
  tokenKey: Buffer;
  servers: { close(): Promise<void> }[];
  /** The PostgreSQL database of this test, when the suites run on PostgreSQL. */
  postgres?: string;
}

async function launch(t: TestContext, dbPath: string, options: Options, shared: Shared): Promise<TestServer> {
  const logs: string[] = [];
  const { clock, platform, tokenKey, postgres } = shared;
  const storage = postgres ? await openPostgres({ connection: postgres }, clock.now) : undefined;
  if (storage) shared.servers.push(storage);
  const server = await startServer({
    ...options,
    port: 0,
    dbPath,
    storage,
    now: () => clock.now,
    log: (m) => logs.push(m),
    // The refresh job runs only when a test asks (see oauth.test.ts): no timer in these tests.
    oauth: oauthOptionsFor(platform, tokenKey, { refreshIntervalMs: 0 }),
  });
  // Closed before its storage (the list is closed in reverse).
  shared.servers.push(server);
  return {
    ...server,
    token: await server.signIn('ada'),
    dbPath,
    logs,
    clock,
    platform,
    tokenKey,
    restart: async () => {
      await server.close();
      await storage?.close();
      return launch(t, dbPath, options, shared);
    },
    twin: () => launch(t, dbPath, options, shared),
    async exec(text) {
      if (postgres) {
        const client = new pg.Client({ connectionString: postgres });
        await client.connect();
        await client.query(text).finally(() => client.end());
      } else {
        const db = new Database(dbPath);
        db.exec(text);
        db.close();
      }
    },
    async rows<T>(text: string): Promise<T[]> {
      if (postgres) {
        const client = new pg.Client({ connectionString: postgres });
        await client.connect();
        return (await client.query(text).finally(() => client.end())).rows as T[];
      }
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare(text).all() as T[];
      } finally {
        db.close();
      }
    },
  };
}

export async function serve(t: TestContext, options: Options = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dsw-server-'));
  const shared: Shared = {
    clock: {
      now: Date.now(),
      advance(ms: number) {
        this.now += ms;
      },
    },
    platform: await startPlatform(),
    tokenKey: randomBytes(32),
    servers: [],
    ...(POSTGRES_URL && { postgres: await createPostgresDatabase(t) }),
  };
  // The backends first (their last renewals reach the platform), then the platform, then the files.
  t.after(async () => {
    for (const server of shared.servers.reverse()) await server.close();
    await shared.platform.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return launch(t, join(dir, 'demo.db'), options, shared);
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/**
 * One request; `body` is sent as JSON unless it is already a string. Signed in with the
 * server's `token` unless `headers` has an Authorization of its own ('' sends none).
 */
export async function call<T = unknown>(
  server: { url: string; token?: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const auth: Record<string, string> = server.token ? { Authorization: `Bearer ${server.token}` } : {};
  const sent = Object.fromEntries(Object.entries({ ...auth, ...headers }).filter(([, value]) => value !== ''));
  const init: RequestInit = { method, headers: sent, redirect: 'manual' };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json', ...sent };
  }
  const response = await fetch(server.url + path, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T };
}

/** Asserts the contract's error answer: status, JSON, `{ error: { code, message } }` and nothing else. */
export function assertError(answer: Answer, status: number, code: string): string {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  const body = answer.body as { error: { code: string; message: string } };
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 10, 'a message a person can read');
  assert.doesNotMatch(answer.text, /at .+\.(ts|js):\d+/, 'no stack trace');
  return body.error.message;
}

export async function getSource(server: { url: string; token?: string }, sourceId: string): Promise<DataSource> {
  const answer = await call<DataSource>(server, 'GET', `/api/data-sources/${sourceId}`);
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

export function mainOf(source: DataSource): Connection {
  const mains = source.connections.filter((c) => c.role === 'main');
  assert.equal(mains.length, 1, `exactly one main in ${source.id}`);
  return mains[0]!;
}

/** Where each started state's pop-up goes: the platform's authorization URL. */
const authorizationUrls = new Map<string, string>();

export async function startAuthorization(
  server: { url: string; token?: string },
  sourceId: string,
  body: { connectionId?: string; origin?: string } = {},
): Promise<Authorization> {
  const answer = await call<Authorization>(server, 'POST', `/api/data-sources/${sourceId}/authorizations`, { origin: ORIGIN, ...body });
  assert.equal(answer.status, 201, answer.text);
  authorizationUrls.set(answer.body.state, answer.body.authorizationUrl);
  return answer.body;
}

export type Choice = { accountId: string } | { other: { accountName: string; accountId: string } } | 'deny';

/** A browser's cookies for one sign-in at the platform: fetch that follows no redirect. */
export class Browser {
  readonly #cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie && { cookie }) } });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
}

export interface SignInPage {
  browser: Browser;
  /** The interaction's URL: its form posts to `${url}/confirm` (Approve) and `${url}/abort` (Deny). */
  url: string;
  response: Response;
  html: string;
}

/** Opens a started state's authorization URL as the pop-up would, up to the platform's sign-in page. */
export async function openSignIn(state: string): Promise<SignInPage> {
  const authorizationUrl = authorizationUrls.get(state);
  assert.ok(authorizationUrl, 'a state started with startAuthorization');
  const browser = new Browser();
  const start = await browser.fetch(authorizationUrl);
  assert.equal(start.status, 303, await start.text());
  const url = new URL(start.headers.get('location')!, authorizationUrl).href;
  const response = await browser.fetch(url);
  return { browser, url, response, html: await response.text() };
}

/**
 * Signs in at the platform and approves or denies, as a person in the pop-up would; returns the
 * platform's last answer: the redirect to the backend's callback (or the form again, refused).
 */
export async function submitProvider(_server: { url: string }, state: string, choice: Choice): Promise<Response> {
  const { browser, url } = await openSignIn(state);
  const form = new URLSearchParams();
  if (choice !== 'deny' && 'other' in choice) {
    form.set('account', 'other');
    form.set('otherName', choice.other.accountName);
    form.set('otherId', choice.other.accountId);
  } else if (choice !== 'deny') {
    form.set('account', choice.accountId);
  }
  const submitted = await browser.fetch(`${url}/${choice === 'deny' ? 'abort' : 'confirm'}`, { method: 'POST', body: form });
  if (submitted.status !== 303) return submitted;
  // The platform's resume step, then its redirect to the client's callback.
  return browser.fetch(new URL(submitted.headers.get('location')!, url).href);
}

export interface CallbackPage {
  status: number;
  headers: Headers;
  html: string;
  /** What the page's script posts, when it posts anything. */
  message?: AuthorizationMessage;
  targetOrigin?: string;
}

export async function openCallback(server: { url: string }, pathAndQuery: string): Promise<CallbackPage> {
  const response = await fetch(new URL(pathAndQuery, server.url), { redirect: 'manual' });
  const html = await response.text();
  const message = /const message = (\{.*?\});\n/.exec(html)?.[1];
  const targetOrigin = /const targetOrigin = (".*?");\n/.exec(html)?.[1];
  return {
    status: response.status,
    headers: response.headers,
    html,
    ...(message && { message: JSON.parse(message) as AuthorizationMessage }),
    ...(targetOrigin && { targetOrigin: JSON.parse(targetOrigin) as string }),
  };
}

/** The whole pop-up: start, provider page, choice, callback page. */
export async function authorizeFlow(
  server: { url: string; token?: string },
  sourceId: string,
  choice: Choice,
  body: { connectionId?: string; origin?: string } = {},
): Promise<{ authorization: Authorization; page: CallbackPage }> {
  const authorization = await startAuthorization(server, sourceId, body);
  const redirect = await submitProvider(server, authorization.state, choice);
  assert.ok([302, 303].includes(redirect.status), `redirected to the callback (${redirect.status})`);
  const page = await openCallback(server, redirect.headers.get('location')!);
  return { authorization, page };
}

/** The link page's Continue: the platform's authorization URL it redirects to. */
export async function continueLink(url: string): Promise<string> {
  // As a browser sends the page's form: its Referrer-Policy makes the origin "null".
  const started = await fetch(url, { method: 'POST', redirect: 'manual', headers: { Origin: 'null' } });
  assert.equal(started.status, 200, await started.text());
  return /^0; url=(.+)$/.exec(started.headers.get('refresh') ?? '')![1]!;
}

/** Signs in at the platform and approves `accountId`; then opens the backend's callback. */
export async function approve(server: { url: string }, authorizationUrl: string, accountId: string): Promise<{ status: number; html: string }> {
  const browser = new Browser();
  const begun = await browser.fetch(authorizationUrl);
  const signIn = new URL(begun.headers.get('location')!, authorizationUrl).href;
  await browser.fetch(signIn);
  const submitted = await browser.fetch(`${signIn}/confirm`, { method: 'POST', body: new URLSearchParams({ account: accountId }) });
  assert.equal(submitted.status, 303, await submitted.text());
  const resumed = await browser.fetch(new URL(submitted.headers.get('location')!, signIn).href);
  const callback = await fetch(new URL(resumed.headers.get('location')!, server.url), { redirect: 'manual' });
  return { status: callback.status, html: await callback.text() };
}

/** Follows a link as the teammate's browser would: its page, Continue, the platform, the callback. */
export async function useLink(server: { url: string }, url: string, accountId: string): Promise<{ status: number; html: string }> {
  const page = await fetch(url);
  assert.equal(page.status, 200, await page.text());
  return approve(server, await continueLink(url), accountId);
}

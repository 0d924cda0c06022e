import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import Provider, { errors, type KoaContextWithOIDC } from 'oidc-provider';
import { SOURCES, sourceInfo } from '../server/catalog.js';
import { readBody, sendHtml, sendJson } from '../server/http.js';
import { newNonce, noticePage, pageHeaders } from '../server/pages.js';
import { serveFile } from '../server/static-files.js';
import { checkAccount } from '../server/validation.js';
import { AccountDirectory, accountsReached, managers, subjectOf } from './accounts.js';
import { signInPage, type SignInForm } from './sign-in-page.js';
import { SqliteAdapter, createAdapterTable } from './sqlite-adapter.js';

/**
 * The data platform of the demo and of every test: a standards-compliant OAuth 2.0
 * authorization server (oidc-provider) on a loopback port, its sign-in page, and a small
 * protected resource, `GET /api/accounts`, that lists the ad accounts an access token reaches.
 * One server plays every data source: each source is a client of its own (`dsw-<sourceId>`).
 */

export const SCOPE = 'ads:read offline_access';
/** How long a grant's refresh token lasts, from consent; rotation keeps that end date. */
export const GRANT_SECONDS = 60 * 24 * 60 * 60;

export interface PlatformOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where grants, tokens and accounts are kept; `:memory:` (default) forgets them on close. */
  dbPath?: string;
  /** Lifetime of an access token, in seconds (default: one hour). */
  accessTokenTtl?: number;
  /** Where faults are reported (default: stderr). */
  log?: (message: string) => void;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface MintedGrant {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Platform {
  /** The authorization server's issuer, `http://127.0.0.1:<port>`. */
  issuer: string;
  /** The protected resource that lists the accounts a token reaches. */
  accountsUrl: string;
  /** One client registration per data source (`dsw-<sourceId>`), its secret made at start. */
  credentials: Record<string, ClientCredentials>;
  /**
   * Registers those clients (or updates them), adding the callback on each of `origins` to
   * their redirect URIs: what a developer does once in a platform's console.
   */
  registerClients(origins: readonly string[]): Promise<void>;
  /**
   * Demo fixture: a grant as if `account` had approved `clientId`, with tokens, for the
   * accounts the demo's seed connects without anyone signing in.
   */
  mintGrant(clientId: string, account: { sourceId: string; accountId: string; accountName: string }, refreshTtl: number): Promise<MintedGrant>;
  close(): Promise<void>;
}

const LOGOS = fileURLToPath(new URL('../server/logos/', import.meta.url));

export function clientIdOf(sourceId: string): string {
  return `dsw-${sourceId}`;
}

function sourceOfClient(clientId: string): string | undefined {
  const sourceId = clientId.startsWith('dsw-') ? clientId.slice(4) : undefined;
  return sourceId && sourceInfo(sourceId) ? sourceId : undefined;
}

/** Signing and cookie keys, made once per database so that a restart keeps sessions and tokens valid. */
function settings(db: Database.Database): { jwk: Record<string, unknown>; cookieKey: string } {
  db.exec('CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const read = (name: string) => (db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string } | undefined)?.value;
  const write = (name: string, value: string) => db.prepare('INSERT INTO settings (name, value) VALUES (?, ?)').run(name, value);
  if (!read('jwk')) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    write('jwk', JSON.stringify({ ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'ES256' }));
  }
  if (!read('cookie_key')) write('cookie_key', randomBytes(32).toString('base64url'));
  return { jwk: JSON.parse(read('jwk')!) as Record<string, unknown>, cookieKey: read('cookie_key')! };
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const log = options.log ?? ((message: string) => console.error(message));
  const dbPath = options.dbPath ?? ':memory:';
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  createAdapterTable(db);
  const directory = new AccountDirectory(db);
  const { jwk, cookieKey } = settings(db);
  const accessTokenTtl = options.accessTokenTtl ?? 60 * 60;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    adapter: (model: string) => new SqliteAdapter(db, model),
    clients: [],
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], id_token_signed_response_alg: 'ES256', response_types: ['code'] },
    jwks: { keys: [jwk] },
    cookies: { keys: [cookieKey] },
    scopes: ['ads:read', 'offline_access'],
    async findAccount(_ctx: unknown, sub: string) {
      const account = directory.get(sub);
      return account && { accountId: sub, claims: async () => ({ sub, name: account.accountName }) };
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId },
      introspection: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Every refresh hands out a new refresh token and retires the old one (a replayed one is
    // refused); the new one ends when the first would have, so a grant lasts GRANT_SECONDS.
    rotateRefreshToken: () => true,
    ttl: {
      AccessToken: () => accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 24 * 60 * 60,
      Grant: () => GRANT_SECONDS + 24 * 60 * 60,
      RefreshToken: (ctx: KoaContextWithOIDC | undefined) => {
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken;
        return rotated ? rotated.remainingTTL : GRANT_SECONDS;
      },
    },
    clientBasedCORS: () => false,
    async renderError(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) {
      const nonce = newNonce();
      ctx.type = 'html';
      for (const [name, value] of Object.entries(pageHeaders(nonce, "'none'"))) ctx.set(name, value);
      ctx.body = noticePage(nonce, 'The sign-in cannot go on', out.error_description ?? out.error);
    },
  });
  provider.on('server_error', (_ctx: unknown, error: Error) => log(`[platform] ${error.stack ?? error.message}`));

  function redirectOrigin(params: Record<string, unknown>): string {
    try {
      return new URL(String(params.redirect_uri)).origin;
    } catch {
      return "'none'";
    }
  }

  async function renderSignIn(req: IncomingMessage, res: ServerResponse, form?: SignInForm): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const clientId = String(details.params.client_id);
    const sourceId = sourceOfClient(clientId);
    const info = sourceId ? sourceInfo(sourceId) : undefined;
    const nonce = newNonce();
    // Chromium applies form-action to the redirects after a submission: the callback's origin too.
    const headers = pageHeaders(nonce, `'self' ${redirectOrigin(details.params)}`);
    if (!sourceId || !info) return sendHtml(res, 400, noticePage(nonce, 'Unknown application', 'This application is not registered here.'), headers);
    const offers: Parameters<typeof signInPage>[0]['offers'] = [];
    const hint = typeof details.params.login_hint === 'string' ? directory.get(subjectOf(sourceId, details.params.login_hint)) : undefined;
    if (hint) offers.push({ ...hint, note: 'The account being re-connected' });
    for (const sample of directory.samples(sourceId)) if (sample.accountId !== hint?.accountId) offers.push(sample);
    offers.push(...managers(sourceId).map((manager) => ({ sourceId, ...manager })));
    const html = signInPage({
      uid: details.uid,
      nonce,
      source: { id: info.id, name: info.name, logoUrl: info.logoUrl },
      clientName: 'The data-source-widgets demo',
      offers,
      ...(form && { form }),
    });
    sendHtml(res, form ? 400 : 200, html, headers);
  }

  async function confirm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const details = await provider.interactionDetails(req, res);
    const clientId = String(details.params.client_id);
    const sourceId = sourceOfClient(clientId)!;
    const values: SignInForm = { account: form.get('account') ?? undefined, otherName: form.get('otherName') ?? '', otherId: form.get('otherId') ?? '' };
    let sub: string | undefined;
    if (values.account === 'other') {
      const checked = checkAccount(values.otherId, values.otherName);
      if ('problem' in checked) values.problem = { field: 'other', message: checked.problem };
      else sub = directory.add({ sourceId, ...checked });
    } else if (values.account && directory.get(subjectOf(sourceId, values.account))) {
      sub = subjectOf(sourceId, values.account);
    } else {
      values.problem = { field: 'account', message: 'Choose one of the accounts, or "Another account".' };
    }
    if (!sub) return renderSignIn(req, res, values);
    // Sign-in and consent in one step: the grant holds what was asked, nothing more.
    const requested = String(details.params.scope ?? '').split(' ').filter((scope) => SCOPE.split(' ').includes(scope));
    const grant = new provider.Grant({ accountId: sub, clientId });
    grant.addOIDCScope(requested.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  async function deny(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await readBody(req);
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The account holder denied access.' }, { mergeWithLastSubmission: false });
  }

  /** The protected resource: a bearer token in, the accounts it reaches out. */
  async function accounts(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const value = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = value ? await provider.AccessToken.find(value) : undefined;
    if (!token || token.isExpired || !token.scopes.has('ads:read')) {
      const challenge = value ? 'Bearer error="invalid_token"' : 'Bearer';
      return sendJson(res, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': challenge });
    }
    sendJson(res, 200, { items: accountsReached(directory, String(token.accountId)) });
  }

  const oidc = provider.callback();
  const interaction = /^\/interaction\/([\w-]+)(\/confirm|\/abort)?$/;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', issuer);
    res.setHeader('Cache-Control', 'no-store');
    const route = interaction.exec(pathname);
    const handled = (async () => {
      if (route && req.method === 'GET' && !route[2]) return renderSignIn(req, res);
      if (route && req.method === 'POST' && route[2] === '/confirm') return confirm(req, res);
      if (route && req.method === 'POST' && route[2] === '/abort') return deny(req, res);
      if (pathname === '/api/accounts' && req.method === 'GET') return accounts(req, res);
      if (pathname.startsWith('/logos/') && req.method === 'GET') return serveFile(LOGOS, pathname.slice('/logos'.length), req, res);
      return oidc(req, res);
    })();
    handled.catch((error: unknown) => {
      const nonce = newNonce();
      if (error instanceof errors.SessionNotFound || error instanceof errors.OIDCProviderError) {
        const message = error instanceof errors.SessionNotFound ? 'This sign-in is over or has expired. Start again from the page you came from.' : error.message;
        if (!res.headersSent) sendHtml(res, 400, noticePage(nonce, 'The sign-in cannot go on', message), pageHeaders(nonce, "'none'"));
        return;
      }
      log(`[platform] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendHtml(res, 500, noticePage(nonce, 'Something went wrong', 'The platform could not answer.'), pageHeaders(nonce, "'none'"));
    });
  });

  const credentials = Object.fromEntries(
    SOURCES.map((source) => [source.id, { clientId: clientIdOf(source.id), clientSecret: randomBytes(32).toString('base64url') }]),
  );

  return {
    issuer,
    accountsUrl: `${issuer}/api/accounts`,
    credentials,
    async registerClients(origins) {
      const adapter = new SqliteAdapter(db, 'Client');
      for (const source of SOURCES) {
        const { clientId, clientSecret } = credentials[source.id]!;
        // Added to those already registered: a state started before a move still comes back.
        const known = ((await adapter.find(clientId))?.redirect_uris as string[] | undefined) ?? [];
        const callbacks = origins.map((origin) => `${origin}/api/authorizations/callback`);
        await adapter.upsert(clientId, {
          client_id: clientId,
          client_secret: clientSecret,
          client_name: `data-source-widgets demo (${source.name})`,
          redirect_uris: [...new Set([...known, ...callbacks])],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          scope: SCOPE,
        });
      }
    },
    async mintGrant(clientId, account, refreshTtl) {
      const client = await provider.Client.find(clientId);
      if (!client) throw new Error(`No client ${clientId}`);
      const sub = directory.add(account);
      const grant = new provider.Grant({ accountId: sub, clientId });
      grant.addOIDCScope(SCOPE);
      const grantId = await grant.save();
      const common = { accountId: sub, client, grantId, gty: 'authorization_code', scope: SCOPE, expiresWithSession: false };
      const accessToken = await new provider.AccessToken(common).save();
      const refreshToken = await new provider.RefreshToken({ ...common, rotations: 0, expiresIn: Math.max(1, Math.round(refreshTtl)) }).save();
      return { accessToken, refreshToken, expiresIn: accessTokenTtl };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}


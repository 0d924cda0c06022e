import { HttpError, InvalidResponseError, NetworkError, TimeoutError, UnauthorizedError } from './errors.js';
import { abortable, backoffDelay, parseRetryAfter, sleep } from './retry.js';
import type {
  Authorization,
  AuthorizationOutcome,
  AuthorizationRequest,
  Connection,
  ConnectionList,
  ConnectionPatch,
  DataSource,
  DataSourceList,
} from './types.js';
import {
  validateAuthorization,
  validateAuthorizationOutcome,
  validateConnection,
  validateConnectionList,
  validateDataSource,
  validateDataSourceBatch,
  validateDataSourceList,
} from './validate.js';

/** Asked for before every request; `refresh` is true after a 401, asking for a fresh token. */
export type HeadersCallback = (context: { refresh: boolean }) => HeadersInit | Promise<HeadersInit>;

export interface ApiClientOptions {
  /** Base URL of the host's implementation of the contract; absolute or relative to the page. */
  endpoint: string;
  getHeaders?: HeadersCallback;
  /** Replaces the global `fetch` (a host's instrumented fetch, or a test double). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 15000). */
  timeoutMs?: number;
  /** How many times a safe read is retried after a network error or 502/503/504 (default 3). */
  retries?: number;
  /** Upper bound of a backoff wait between tries, in ms (default 30000); a Retry-After over 3 s is not waited for here. */
  maxDelayMs?: number;
  /** Waits between tries; injectable so tests need no real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** First backoff delay in ms, doubled on every further try (default 300). */
  retryDelayMs?: number;
  /** Source of backoff jitter in [0, 1) (default `Math.random`); tests pin it. */
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One request of the contract, as `send` takes it. */
export interface Call<T> {
  method: Method;
  path: string;
  body?: unknown;
  /** Validates the parsed JSON; absent when the answer's body is ignored (DELETE). */
  read?: (json: unknown) => T;
  signal?: AbortSignal | undefined;
}

interface Exchange {
  response: Response;
  text: string;
}

/** The longest wait between tries the client makes by itself, unseen (ms). */
const QUIET_WAIT_MS = 3_000;

/** Statuses a proxy or an overloaded server sends for a request it did not process. */
const TRANSIENT = new Set([502, 503, 504]);

const segment = encodeURIComponent;

/** Talks to the host's endpoint (DESIGN section 3); every answer is validated before use. */
export class ApiClient {
  readonly endpoint: string;
  constructor(readonly options: ApiClientOptions) {
    this.endpoint = options.endpoint;
  }

  /** Resolves a path (or an absolute URL such as a logo's) against the endpoint. */
  resolveUrl(path: string): string {
    return new URL(path, this.base()).href;
  }

  listDataSources(options?: RequestOptions): Promise<DataSourceList> {
    return this.send({ method: 'GET', path: 'data-sources', read: validateDataSourceList, signal: options?.signal });
  }

  getDataSource(sourceId: string, options?: RequestOptions): Promise<DataSource> {
    const path = `data-sources/${segment(sourceId)}`;
    return this.send({ method: 'GET', path, read: validateDataSource, signal: options?.signal });
  }

  /**
   * Several data sources with their connections in one request (`?include=connections&ids=…`);
   * unknown IDs are absent from the answer. At most 100 IDs per call (the contract's limit).
   */
  loadDataSources(ids: readonly string[], options?: RequestOptions): Promise<DataSource[]> {
    // Each ID percent-encoded, so a comma inside one cannot split it.
    const path = `data-sources?include=connections&ids=${ids.map(segment).join(',')}`;
    return this.send({ method: 'GET', path, read: validateDataSourceBatch, signal: options?.signal });
  }

  listConnections(sourceId: string, options?: RequestOptions): Promise<ConnectionList> {
    const path = `data-sources/${segment(sourceId)}/connections`;
    return this.send({ method: 'GET', path, read: validateConnectionList, signal: options?.signal });
  }

  startAuthorization(sourceId: string, body: AuthorizationRequest, options?: RequestOptions): Promise<Authorization> {
    const path = `data-sources/${segment(sourceId)}/authorizations`;
    // Only the contract's fields: a caller's object may carry more than the endpoint should see.
    const request: AuthorizationRequest = { connectionId: body.connectionId, origin: body.origin };
    return this.send({ method: 'POST', path, body: request, read: validateAuthorization, signal: options?.signal });
  }

  getAuthorizationOutcome(state: string, options?: RequestOptions): Promise<AuthorizationOutcome> {
    const path = `authorizations/${segment(state)}`;
    return this.send({ method: 'GET', path, read: validateAuthorizationOutcome, signal: options?.signal });
  }

  makeMain(sourceId: string, connectionId: string, options?: RequestOptions): Promise<Connection> {
    const body: ConnectionPatch = { role: 'main' };
    const path = `data-sources/${segment(sourceId)}/connections/${segment(connectionId)}`;
    return this.send({ method: 'PATCH', path, body, read: validateConnection, signal: options?.signal });
  }

  refreshConnection(sourceId: string, connectionId: string, options?: RequestOptions): Promise<Connection> {
    const path = `data-sources/${segment(sourceId)}/connections/${segment(connectionId)}/refresh`;
    return this.send({ method: 'POST', path, read: validateConnection, signal: options?.signal });
  }

  async deleteConnection(sourceId: string, connectionId: string, options?: RequestOptions): Promise<void> {
    const path = `data-sources/${segment(sourceId)}/connections/${segment(connectionId)}`;
    await this.send({ method: 'DELETE', path, signal: options?.signal });
  }

  /**
   * The endpoint as an absolute URL ending in `/`, so relative paths land under it. Resolved on
   * every call rather than at construction: the client may be created before there is a page
   * (SSR), and the page's `<base>` may change.
   */
  private base(): string {
    const page = typeof document === 'undefined' ? undefined : document.baseURI;
    let url: URL;
    try {
      url = new URL(this.endpoint, page);
    } catch {
      throw new TypeError(`ApiClient: cannot resolve the endpoint "${this.endpoint}" (relative, and no document)`);
    }
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.search = url.hash = '';
    return url.href;
  }

  /**
   * Sends one call with the retries, credentials and checks above. Public for the calls that
   * ship in a lazy chunk rather than in this class (the account selection: `selection.ts`).
   */
  async send<T>(call: Call<T>): Promise<T> {
    const { signal } = call;
    // Only reads are retried blindly: a write that got no answer may still have happened.
    const safe = call.method === 'GET';
    const retries = this.options.retries ?? 3;
    let tries = 0;
    let refreshed = false;
    let refreshNow = false;
    for (;;) {
      signal?.throwIfAborted();
      let exchange: Exchange;
      try {
        exchange = await this.exchange(call, refreshNow);
      } catch (error) {
        if (!(error instanceof NetworkError) || !safe || tries >= retries) throw error;
        await this.wait(this.backoff(tries++), signal);
        continue;
      }
      refreshNow = false;
      const { response, text } = exchange;
      const { status } = response;
      if (status === 401) {
        if (refreshed) {
          throw new UnauthorizedError(errorDetail(text).message ?? 'The endpoint refused fresh credentials');
        }
        refreshed = refreshNow = true;
        continue;
      }
      if (response.ok) return this.read(call, response, text);
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      // A longer wait than a moment is not made here, out of sight: the error carries it, and
      // the store waits where the widgets show it ("Retrying in 40 s…", with Retry now).
      const quiet = retryAfter === undefined || retryAfter <= QUIET_WAIT_MS;
      if (safe && quiet && tries < retries && (status === 429 || TRANSIENT.has(status))) {
        await this.wait(retryAfter ?? this.backoff(tries), signal);
        tries++;
        continue;
      }
      throw httpError(response, text, retryAfter);
    }
  }

  /** One request and its body, under the per-request timeout and the caller's signal. */
  private async exchange(call: Call<unknown>, refresh: boolean): Promise<Exchange> {
    const { signal } = call;
    const headers = new Headers(await abortable(this.headers(refresh), signal));
    headers.set('Accept', 'application/json');
    let body: string | undefined;
    if (call.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(call.body);
    }
    const url = this.resolveUrl(call.path);
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // A local, so a host's `fetch` is not called as a method of `options` (Illegal invocation).
    const doFetch = this.options.fetch ?? globalThis.fetch;
    try {
      const exchange = (async () => {
        const response = await doFetch(url, { method: call.method, headers, body, signal: controller.signal });
        return { response, text: await response.text() };
      })();
      return await abortable(exchange, controller.signal);
    } catch (error) {
      // The caller's abort stays theirs (a DOMException AbortError by default), never wrapped.
      if (signal?.aborted) throw signal.reason;
      if (timedOut) throw new TimeoutError(timeoutMs);
      throw new NetworkError(`The endpoint could not be reached (${describe(error)})`, { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async headers(refresh: boolean): Promise<HeadersInit> {
    const { getHeaders } = this.options;
    if (!getHeaders) return {};
    try {
      return await getHeaders({ refresh });
    } catch (error) {
      // Without credentials the request cannot succeed; the cause keeps the host's own error.
      throw new UnauthorizedError('Could not get the request headers', { cause: error });
    }
  }

  private read<T>(call: Call<T>, response: Response, text: string): T {
    if (!call.read) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const type = response.headers.get('Content-Type') || 'no content type';
      throw new InvalidResponseError(`expected a JSON body, got ${type} (${text.length} characters)`);
    }
    return call.read(json);
  }

  private backoff(tries: number): number {
    const { retryDelayMs = 300, maxDelayMs = 30_000, random = Math.random } = this.options;
    return backoffDelay(tries, retryDelayMs, maxDelayMs, random);
  }

  private wait(ms: number, signal?: AbortSignal): Promise<void> {
    const wait = this.options.sleep ?? sleep;
    return abortable(Promise.resolve().then(() => wait(ms, signal)), signal);
  }
}

/** The `{ error: { code, message } }` body, field by field, so a partial one still helps. */
function errorDetail(text: string): { code?: string; message?: string } {
  try {
    const detail = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      code: typeof detail?.code === 'string' && detail.code ? detail.code : undefined,
      message: typeof detail?.message === 'string' && detail.message ? detail.message : undefined,
    };
  } catch {
    return {};
  }
}

function httpError(response: Response, text: string, retryAfterMs: number | undefined): HttpError {
  const { code, message } = errorDetail(text);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new HttpError(
    response.status,
    code ?? `http_${response.status}`,
    message ?? `The endpoint answered ${status}`,
    retryAfterMs,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

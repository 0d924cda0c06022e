import type {
  Authorization,
  AuthorizationOutcome,
  AuthorizationRequest,
  Connection,
  ConnectionList,
  DataSource,
  DataSourceList,
} from './types.js';

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
  /** Upper bound of any wait between tries, Retry-After included, in ms (default 30000). */
  maxDelayMs?: number;
  /** Waits between tries; injectable so tests need no real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** IMPLEMENTATION PENDING: signatures are the contract other modules code against. */
export class ApiClient {
  readonly endpoint: string;
  constructor(readonly options: ApiClientOptions) {
    this.endpoint = options.endpoint;
  }
  /** Resolves a path (or an absolute URL such as a logo's) against the endpoint. */
  resolveUrl(path: string): string {
    return new URL(path, this.endpoint).href;
  }
  listDataSources(_options?: RequestOptions): Promise<DataSourceList> {
    throw new Error('pending');
  }
  getDataSource(_sourceId: string, _options?: RequestOptions): Promise<DataSource> {
    throw new Error('pending');
  }
  listConnections(_sourceId: string, _options?: RequestOptions): Promise<ConnectionList> {
    throw new Error('pending');
  }
  startAuthorization(_sourceId: string, _body: AuthorizationRequest, _options?: RequestOptions): Promise<Authorization> {
    throw new Error('pending');
  }
  getAuthorizationOutcome(_state: string, _options?: RequestOptions): Promise<AuthorizationOutcome> {
    throw new Error('pending');
  }
  makeMain(_sourceId: string, _connectionId: string, _options?: RequestOptions): Promise<Connection> {
    throw new Error('pending');
  }
  refreshConnection(_sourceId: string, _connectionId: string, _options?: RequestOptions): Promise<Connection> {
    throw new Error('pending');
  }
  deleteConnection(_sourceId: string, _connectionId: string, _options?: RequestOptions): Promise<void> {
    throw new Error('pending');
  }
}

/**
 * Typed errors the client and the store raise, and the `dsw-error` event carries (the
 * authorization flow's own, `AuthorizationError`, lives in `auth/`). Switch on `kind`;
 * `instanceof` works as well.
 */

export type DswErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'unauthorized'
  | 'authorization';

export abstract class DswError extends Error {
  abstract readonly kind: DswErrorKind;
}

/** The request never got an answer: offline, DNS, CORS, connection reset. */
export class NetworkError extends DswError {
  readonly kind = 'network';
  override readonly name = 'NetworkError';
}

/** No answer within the client's per-request timeout. */
export class TimeoutError extends DswError {
  readonly kind = 'timeout';
  override readonly name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer from the endpoint within ${timeoutMs} ms`);
  }
}

/** The endpoint answered with an error status; `code` and `message` come from its error body. */
export class HttpError extends DswError {
  readonly kind = 'http';
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a `Retry-After` header (429, 503), in ms from when the answer arrived. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The endpoint answered 401 twice, the second time with a fresh token. */
export class UnauthorizedError extends DswError {
  readonly kind = 'unauthorized';
  override readonly name = 'UnauthorizedError';
}

/** The answer was not the JSON the contract promises; `path` names the first bad field. */
export class InvalidResponseError extends DswError {
  readonly kind = 'invalid-response';
  override readonly name = 'InvalidResponseError';
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** An abort is the caller's own doing: it stays a DOMException named AbortError. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

import type { AuthorizationResult } from '../auth/outcome.js';

/**
 * Typed errors the client, the store and the authorization flow raise, and the `dsw-error`
 * event carries. Switch on `kind`; `instanceof` works as well.
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

export type AuthorizationFailure =
  /** The user closed the pop-up, or denied access at the provider. */
  | 'cancelled'
  /** The browser blocked the pop-up window. */
  | 'blocked'
  /** The provider or the endpoint reported a failure. */
  | 'failed'
  /** No outcome within the flow's timeout. */
  | 'timeout'
  /** The user signed in as another account than the one being re-connected. */
  | 'account-mismatch';

/**
 * The authorization pop-up did not end in a connection.
 *
 * A `cancelled` error for a window that read as closed while the endpoint still said pending
 * carries `late`: the window may only have been severed by a sign-in page's
 * Cross-Origin-Opener-Policy, with the user still signing in. Show the cancellation now; if
 * `late` resolves with a result, the connection was made after all. It resolves with `undefined`
 * otherwise (failed, timed out, aborted) and never rejects. Denials and other failures have no `late`.
 */
export class AuthorizationError extends DswError {
  readonly kind = 'authorization';
  override readonly name = 'AuthorizationError';
  constructor(
    readonly reason: AuthorizationFailure,
    message: string,
    /** The endpoint's error code, when it sent one (e.g. `access_denied`). */
    readonly code?: string,
    /** The outcome that may still come for a window that only looked closed (see above). */
    readonly late?: Promise<AuthorizationResult | undefined>,
  ) {
    super(message);
  }
}

/** An abort is the caller's own doing: it stays a DOMException named AbortError. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

import { DswError } from '../api/errors.js';
import type { AuthorizationResult } from './types.js';

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

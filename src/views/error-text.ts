import { DswError, HttpError } from '../api/errors.js';
import type { Strings } from '../strings/strings.js';

/** What a failed load of a data source means to the user, whichever widget shows it. */
export function loadFailureText(error: DswError | undefined, s: Strings): string {
  if (error?.kind === 'unauthorized') return s.unauthorized;
  if (error instanceof HttpError && error.status === 404) return s.unknownSource;
  if (error?.kind === 'network' || error?.kind === 'timeout') return s.endpointUnreachable;
  return s.loadFailed;
}

/**
 * A failed action's text (`text`: "Account 2 could not be deleted."), with the endpoint's own
 * words when they help: a refused request's (409: "Re-connect this account first.") do; a server
 * crash's or a network error's do not.
 */
export function actionFailureText(error: unknown, text: string, s: Strings): string {
  if (error instanceof HttpError && error.status < 500) return s.failureReason(text, error.message);
  if (error instanceof DswError && error.kind === 'unauthorized') return s.failureReason(text, s.unauthorized);
  return text;
}

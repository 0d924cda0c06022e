import type { AuthorizationMessage, AuthorizationOutcome, SelectableAccount } from '../api/types.js';
import { AuthorizationError } from './authorization-error.js';
import type { AuthorizationResult } from './types.js';

export type Ending = { result: AuthorizationResult } | { error: AuthorizationError };

/** The channel name and message `type` the callback page uses. */
export const MESSAGE_TYPE = 'dsw-authorization';

/**
 * Messages come from other documents, so they are checked here rather than trusted: anything
 * that is not a well-formed final outcome for `state` is not for us and gets ignored.
 */
export function isOutcomeMessage(data: unknown, state: string): data is AuthorizationMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.type !== MESSAGE_TYPE || message.state !== state) return false;
  if (message.status === 'completed') return typeof message.connectionId === 'string';
  if (message.status === 'awaiting_selection') return Array.isArray(message.accounts);
  if (message.status !== 'failed') return false;
  const error = message.error as Record<string, unknown> | undefined;
  return error === undefined || (typeof error === 'object' && error !== null && typeof error.code === 'string');
}

/**
 * Listens on the channel same-origin callback pages also post to (for when the opener link was
 * cut). BroadcastChannel has no origin to check: callers check the state. Returns the closer.
 */
export function listenOnChannel(receive: (data: unknown) => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  try {
    const channel = new BroadcastChannel(MESSAGE_TYPE);
    channel.onmessage = (event: MessageEvent) => receive(event.data);
    return () => channel.close();
  } catch {
    // Opaque origins (sandboxed frames) may refuse; postMessage and the endpoint remain.
    return () => {};
  }
}

/** How the endpoint's answer about `state` ends the flow; `undefined` while pending, or for no answer. */
export function endingFor(state: string, outcome: AuthorizationOutcome | undefined): Ending | undefined {
  return outcome?.state === state ? endingOf(outcome) : undefined;
}

/** Maps a final outcome to how the flow ends; `undefined` while it is still pending. */
export function endingOf(outcome: AuthorizationOutcome): Ending | undefined {
  if (outcome.status === 'pending') return undefined;
  if (outcome.status === 'completed') {
    if (typeof outcome.connectionId === 'string') {
      return { result: { state: outcome.state, connectionId: outcome.connectionId } };
    }
    return { error: new AuthorizationError('failed', 'The authorization completed without a connection', 'invalid_outcome') };
  }
  if (outcome.status === 'awaiting_selection') return selectionEnding(outcome);
  const code = outcome.error?.code;
  const message = typeof outcome.error?.message === 'string' ? outcome.error.message : '';
  switch (code) {
    case 'access_denied':
      return { error: new AuthorizationError('cancelled', message || 'Access was denied at the provider', code) };
    case 'account_mismatch':
      // The endpoint's message names the account the user signed in as; the widget shows it.
      return { error: new AuthorizationError('account-mismatch', message || 'Signed in as a different account', code) };
    default:
      return { error: new AuthorizationError('failed', message || 'The authorization failed', code) };
  }
}

/**
 * The accounts to choose from. A message from the callback page was not validated as the
 * endpoint's answers are (validate.ts, which this chunk leaves to the client): each account is
 * checked and copied here, so nothing else it carries goes further.
 */
function selectionEnding(outcome: AuthorizationOutcome): Ending {
  const accounts: SelectableAccount[] = [];
  for (const item of (outcome.accounts ?? []) as unknown[]) {
    const { accountId, accountName, connectionId } = (item ?? {}) as Record<string, unknown>;
    const valid = typeof accountId === 'string' && typeof accountName === 'string';
    if (!valid || (connectionId != null && typeof connectionId !== 'string')) return invalid('an account to choose is malformed');
    accounts.push(typeof connectionId === 'string' ? { accountId, accountName, connectionId } : { accountId, accountName });
  }
  if (!accounts.length) return invalid('no account to choose');
  return { result: { state: outcome.state, accounts } };
}

const invalid = (what: string): Ending => ({
  error: new AuthorizationError('failed', `The authorization outcome is invalid: ${what}`, 'invalid_outcome'),
});

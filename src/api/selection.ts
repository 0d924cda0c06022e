import type { ApiClient, RequestOptions } from './client.js';
import type { AccountSelection, Connection } from './types.js';
import { validateConnectionList } from './validate.js';

/**
 * The account selection after a sign-in that reached several accounts (an outcome
 * `awaiting_selection`). Functions beside the client rather than methods of it: only the
 * settings dialog, a lazy chunk, calls them, and a page of cards need not carry them.
 */
const path = (state: string) => `authorizations/${encodeURIComponent(state)}/selection`;

/**
 * Connects the chosen accounts (`POST /authorizations/{state}/selection`): resolves with their
 * connections, the chosen main one among them. A 410 says the choice came too late, a 409 that
 * it was made already (the state is single-use).
 */
export async function confirmSelection(
  client: Pick<ApiClient, 'send'>,
  state: string,
  selection: AccountSelection,
  options?: RequestOptions,
): Promise<Connection[]> {
  // Only the contract's fields, as `startAuthorization` sends.
  const body: AccountSelection = { accountIds: selection.accountIds, mainAccountId: selection.mainAccountId };
  const list = await client.send({ method: 'POST', path: path(state), body, read: validateConnectionList, signal: options?.signal });
  return list.items;
}

/** Drops the choice (`DELETE /authorizations/{state}/selection`): nothing is connected. */
export async function cancelSelection(client: Pick<ApiClient, 'send'>, state: string, options?: RequestOptions): Promise<void> {
  await client.send({ method: 'DELETE', path: path(state), signal: options?.signal });
}

import type { ApiClient } from '../api/client.js';
import type { SelectableAccount } from '../api/types.js';

/**
 * What a successful authorization hands back: the connection created or updated, or, when the
 * credentials reach several accounts, those accounts for the user to choose from (nothing is
 * connected until the choice is confirmed with `state`).
 */
export type AuthorizationResult =
  | { state: string; connectionId: string; accounts?: undefined }
  | { state: string; connectionId?: undefined; accounts: SelectableAccount[] };

/** The part of the API client the flow needs. */
export type AuthorizationClient = Pick<ApiClient, 'startAuthorization' | 'getAuthorizationOutcome' | 'endpoint'>;

import type { ApiClient } from '../api/client.js';

/** What a successful authorization hands back: the connection created or updated. */
export interface AuthorizationResult {
  state: string;
  connectionId: string;
}

/** The part of the API client the flow needs. */
export type AuthorizationClient = Pick<ApiClient, 'startAuthorization' | 'getAuthorizationOutcome' | 'endpoint'>;

import type { OAuthOptions } from '../server/oauth/index.js';
import { clientIdOf, type Platform } from './platform.js';

/**
 * The backend's OAuth settings for the local platform: its issuer, the client registration of
 * every source, redirect URIs registered once the backend listens, and seeded grants minted.
 */
export function oauthOptionsFor(platform: Platform, tokenKey: Buffer, extra: Partial<OAuthOptions> = {}): OAuthOptions {
  return {
    clients: Object.fromEntries(
      Object.entries(platform.credentials).map(([sourceId, credentials]) => [
        sourceId,
        { issuer: platform.issuer, accountsUrl: platform.accountsUrl, ...credentials },
      ]),
    ),
    tokenKey,
    register: (origins) => platform.registerClients(origins),
    mintGrant: (sourceId, account, refreshTtl) => platform.mintGrant(clientIdOf(sourceId), { sourceId, ...account }, refreshTtl),
    ...extra,
  };
}

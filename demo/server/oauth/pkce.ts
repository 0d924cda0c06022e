import { createHash, randomBytes } from 'node:crypto';

/** PKCE (RFC 7636), S256 only: a fresh 256-bit verifier per authorization, and its challenge. */
export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

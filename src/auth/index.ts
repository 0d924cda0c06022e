export { authorize, pendingAuthorization, type AuthorizeOptions, type AuthorizationTarget } from './authorize.js';
export { AuthorizationError, type AuthorizationFailure } from './authorization-error.js';
export type { AuthorizationClient, AuthorizationResult } from './types.js';
export type { OpenWindow } from './popup.js';

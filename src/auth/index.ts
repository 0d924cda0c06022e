export { authorize, pendingAuthorization, type AuthorizeOptions, type AuthorizationTarget } from './authorize.js';
export type { AuthorizationClient } from './flow.js';
export type { AuthorizationResult } from './outcome.js';
export type { OpenWindow } from './popup.js';

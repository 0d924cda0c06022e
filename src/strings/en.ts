import type { CoreStrings } from './strings.js';

// Built on first use and kept: an Intl constructor costs more than a whole card render.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('en')).format(value);
const isOne = (count: number) => (rules ??= new Intl.PluralRules('en')).select(count) === 'one';
const plural = (count: number, one: string, other: string) => `${num(count)} ${isOne(count) ? one : other}`;

/**
 * The default (English) texts of every widget; those only the settings dialog shows are in
 * `en-dialog.ts`, those of the account selection in `en-selection.ts` (both load with their code).
 */
export const en: CoreStrings = {
  loading: 'Loading…',
  retry: 'Retry',
  retryNow: 'Retry now',
  retryingIn: (seconds) => `Retrying in ${num(seconds)} s…`,
  stillLoading: 'Still loading…',
  close: 'Close',
  cancel: 'Cancel',
  connect: 'Connect',
  reconnect: 'Re-connect',
  connectionSettings: 'Connection settings',
  askSomeoneElse: 'Ask someone else to connect',
  loadFailed: 'The connections could not be loaded.',
  unknownSource: 'This data source is not available.',
  noEndpoint: 'No endpoint is configured for this widget.',
  unauthorized: 'Your session has expired. Sign in again, then retry.',
  popupBlocked: 'The sign-in window was blocked by the browser. Allow pop-ups for this site, then try again.',
  authorizationCancelled: 'The sign-in was cancelled. Nothing was changed.',
  authorizationTimedOut: 'The sign-in took too long and was stopped. Try again.',
  authorizationFailed: (message) => `The sign-in failed: ${message}`,
  accountMismatch: (message) => `${message} Nothing was replaced.`,
  addAsNewConnection: 'Add it as a new connection',
  authorizationPending: 'Waiting for the sign-in window…',
  connected: (name) => `${name} is connected.`,
  reconnected: (name) => `${name} is connected again.`,

  notConnected: 'Not connected',
  accountCount: (count) => plural(count, 'account', 'accounts'),
  needsAttention: (count) => `${num(count)} ${isOne(count) ? 'needs' : 'need'} attention`,
  expiringSoon: (count) => `${num(count)} ${isOne(count) ? 'expires' : 'expire'} soon`,
  endpointUnreachable: 'The service could not be reached. Check your connection, then retry.',
  dismissNotice: 'Dismiss message',

  reconnectLabel: (name) => `Re-connect ${name}`,
  deleted: (name) => `${name} was deleted.`,
  deleteFailed: (name) => `${name} could not be deleted. It is still connected.`,
  madeMain: (name) => `${name} is now the main account.`,
  makeMainFailed: (name) => `${name} could not be made main.`,
  refreshRequested: (name) => `A data refresh of ${name} was requested.`,
  refreshFailed: (name) => `The data of ${name} could not be refreshed.`,
  revalidateFailed: 'The list could not be updated and may be out of date.',
  failureReason: (text, reason) => `${text} ${reason}`,

  bannerTitle: (name) => `${name} needs to be re-connected`,
  bannerManyTitle: (count) => `${plural(count, 'account needs', 'accounts need')} to be re-connected`,
  bannerExpiringTitle: (name) => `${name} needs to be re-connected soon`,
  bannerExpiringManyTitle: (count) => `${plural(count, 'account needs', 'accounts need')} to be re-connected soon`,
  expiringMessage: (relative) => `Its authorization expires ${relative}. Re-connect it to keep data updates running.`,
  openSettings: 'Open connection settings',
  dismiss: 'Dismiss',
  previousFailure: 'Previous account',
  nextFailure: 'Next account',
  failurePosition: (index, count) => `${num(index)} of ${num(count)}`,
  failureNavigation: 'Accounts that need attention',
  ofSource: (source) => `: ${source}`,
};

/**
 * Every user-visible text of the widgets. Hosts override any of them, per locale, with the
 * `strings` property of the provider or of one widget (a partial object of these keys).
 * Texts that depend on a number or a name are functions.
 */
export interface Strings extends SelectionStrings {
  // Shared
  loading: string;
  retry: string;
  /** Retry while an automatic try is scheduled: it does not wait for it. */
  retryNow: string;
  /** After a failed load: when the widget tries again by itself (seconds, counting down). */
  retryingIn: (seconds: number) => string;
  /** A load that is taking a while. */
  stillLoading: string;
  close: string;
  cancel: string;
  connect: string;
  reconnect: string;
  connectionSettings: string;
  /** Accessible names that say where the card's buttons act; each contains the visible text. */
  loadFailed: string;
  unknownSource: string;
  noEndpoint: string;
  unauthorized: string;
  popupBlocked: string;
  authorizationCancelled: string;
  authorizationTimedOut: string;
  authorizationFailed: (message: string) => string;
  accountMismatch: (message: string) => string;
  addAsNewConnection: string;
  authorizationPending: string;
  connected: (accountName: string) => string;
  reconnected: (accountName: string) => string;

  // Card
  notConnected: string;
  accountCount: (count: number) => string;
  needsAttention: (count: number) => string;
  /** Accounts whose authorization expires within the warning window ("1 expires soon"). */
  expiringSoon: (count: number) => string;
  /** A load failed because the endpoint could not be reached (offline, timeout). */
  endpointUnreachable: string;
  /** Accessible name of the button that clears a connect notice. */
  dismissNotice: string;

  // Dialog
  dialogTitle: (sourceName: string) => string;
  tableCaption: (sourceName: string) => string;
  addOrUpdate: string;
  columnStatus: string;
  columnAccount: string;
  columnId: string;
  columnCreated: string;
  columnUpdated: string;
  columnActions: string;
  statusActive: string;
  statusError: string;
  statusUnknown: string;
  /** Status of an account whose authorization expires within the warning window. */
  statusExpiring: string;
  /** Under an expiring account: `relative` is Intl.RelativeTimeFormat's "in 5 days", in the widget's locale. */
  expiresIn: (relative: string) => string;
  main: string;
  secondary: string;
  never: string;
  makeMain: string;
  makeMainLabel: (accountName: string) => string;
  refreshData: string;
  refreshDataLabel: (accountName: string) => string;
  reconnectLabel: (accountName: string) => string;
  deleteLabel: (accountName: string) => string;
  confirmDeleteTitle: string;
  confirmDelete: (accountName: string, accountId: string) => string;
  confirmDeleteButton: string;
  deleted: (accountName: string) => string;
  deleteFailed: (accountName: string) => string;
  madeMain: (accountName: string) => string;
  makeMainFailed: (accountName: string) => string;
  refreshRequested: (accountName: string) => string;
  refreshFailed: (accountName: string) => string;
  filterLabel: string;
  filterPlaceholder: string;
  noMatch: (filter: string) => string;
  shownCount: (shown: number, total: number) => string;
  emptyTitle: string;
  emptyBody: string;
  /** A reload of rows already shown failed; the rows stay. */
  revalidateFailed: string;
  /** A failed action's text followed by the endpoint's own explanation. */
  failureReason: (text: string, reason: string) => string;

  // Banner
  bannerTitle: (accountName: string) => string;
  bannerManyTitle: (count: number) => string;
  /** The banner about accounts about to expire (calmer than a failure). */
  bannerExpiringTitle: (accountName: string) => string;
  bannerExpiringManyTitle: (count: number) => string;
  /** `relative` as in `expiresIn`. */
  expiringMessage: (relative: string) => string;
  openSettings: string;
  dismiss: string;
  previousFailure: string;
  nextFailure: string;
  failurePosition: (index: number, count: number) => string;
  /** Accessible name of the previous / next group when several accounts fail. */
  failureNavigation: string;

  // Accessibility
  /** Announced when the table is sorted by `column` (a column header's text). */
  sortedAscending: (column: string) => string;
  sortedDescending: (column: string) => string;
  /**
   * Follows the visible text of a button repeated once per data source on a page (Retry,
   * Dismiss…) in its accessible name: "Retry" + ": Google Ads". The text comes first and whole
   * (label in name, WCAG 2.5.3), so this names the source only.
   */
  ofSource: (source: string) => string;
}

/**
 * The texts of the account selection (a sign-in that reaches several accounts), a step of the
 * settings dialog. Their English ships with the dialog (`en-selection.ts`), not in `en`: a page of
 * cards does not carry them.
 */
export interface SelectionStrings {
  selectionTitle: string;
  /** Under the title: how many accounts the sign-in reaches (2 or more). */
  selectionIntro: (count: number, sourceName: string) => string;
  selectionSearch: string;
  /** Checks (or unchecks) every account the search shows. */
  selectAll: string;
  selectedCount: (selected: number, total: number) => string;
  /** Beside an account connected already (pre-checked: choosing it renews it in place). */
  alreadyConnected: string;
  mainAccount: string;
  /** The confirm button: how many accounts it connects. */
  connectAccounts: (count: number) => string;
  selectionEmpty: string;
  accountsConnected: (count: number) => string;
  selectionCancelled: string;
  selectionFailed: string;
  /** The choice came after the endpoint stopped accepting it (or it was made elsewhere). */
  selectionExpired: string;
}

/** The texts built in at first load (`en`): all but the selection's. */
export type CoreStrings = Omit<Strings, keyof SelectionStrings>;

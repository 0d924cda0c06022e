import type { DialogStrings } from './strings.js';
import type { Strings } from './strings.js';

// As in en.ts: Intl objects built on first use and kept.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('en')).format(value);
const isOne = (count: number) => (rules ??= new Intl.PluralRules('en')).select(count) === 'one';
const plural = (count: number, one: string, other: string) => `${num(count)} ${isOne(count) ? one : other}`;

/**
 * The English texts only the settings dialog shows. Apart from `en.ts` because that file ships
 * with every card, and these are needed only once the dialog loads.
 */
export const enDialog: DialogStrings = {
  dialogTitle: (source) => `${source} connections`,
  tableCaption: (source) => `Accounts connected to ${source}`,
  addOrUpdate: 'Add or Update Connector',
  columnStatus: 'Status',
  columnAccount: 'Account',
  columnId: 'ID',
  columnCreated: 'Created Date',
  columnUpdated: 'Updated Date',
  columnActions: 'Actions',
  sortedAscending: (column) => `Sorted by ${column}, ascending`,
  sortedDescending: (column) => `Sorted by ${column}, descending`,
  statusActive: 'Active',
  statusError: 'Error',
  statusExpiring: 'Expiring',
  expiresIn: (relative) => `Expires ${relative}`,
  statusUnknown: 'Unknown',
  main: 'Main',
  secondary: 'Secondary',
  never: 'Never',
  makeMain: 'Make main',
  // Starts with the visible text, so speech-input users can say what they see (WCAG 2.5.3).
  makeMainLabel: (name) => `Make main: ${name}`,
  refreshData: 'Refresh data',
  refreshDataLabel: (name) => `Refresh data of ${name}`,
  deleteLabel: (name) => `Delete ${name}`,
  confirmDeleteTitle: 'Delete this connection?',
  confirmDelete: (name, id) => `${name} (${id}) will stop sending data. You can connect it again later.`,
  confirmDeleteButton: 'Delete',
  filterLabel: 'Filter accounts',
  filterPlaceholder: 'Name or ID',
  noMatch: (filter) => `No account matches “${filter}”.`,
  shownCount: (shown, total) => `${num(shown)} of ${plural(total, 'account', 'accounts')}`,
  emptyTitle: 'No account connected yet',
  emptyBody: 'Add a connector to start importing data.',

  showLinks: 'Ask someone else to connect',
  showHistory: 'History',
  backToAccounts: 'Back to the accounts',
  connectedByLine: (person) => `Connected by ${person}`,
  whatHappened: 'What happened?',
  whatHappenedLabel: (name) => `What happened? History of ${name}`,

  linksTitle: 'Ask someone else to connect',
  linksIntro: (source) =>
    `Send a link to a teammate who can sign in to ${source}. They connect an account, and see nothing else of yours.`,
  linkRecipientLabel: 'Their name or e-mail (optional)',
  linkNoteLabel: 'Note for them (optional)',
  linkExpiryLabel: 'The link works for',
  linkDays: (days) => plural(days, 'day', 'days'),
  createLink: 'Create link',
  linkCreated: (expires) => `Link created. It works once, until ${expires}.`,
  linkUrlLabel: 'Link to send',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  copyFailed: 'The link could not be copied. Select it and copy it yourself.',
  emailLink: 'Send by e-mail',
  linkEmailSubject: (source) => `Could you connect our ${source} account?`,
  linkEmailBody: (source, url, note) =>
    `Hi,\n\nCould you connect our ${source} account for our reports? This link lets you sign in to ${source} and choose the account; it works once.\n\n${url}\n${note ? `\n${note}\n` : ''}\nThank you!`,
  pendingLinksTitle: 'Pending links',
  pendingLinksCount: (count) => `${plural(count, 'link waits', 'links wait')} to be used`,
  noPendingLinks: 'No link is waiting to be used.',
  linkFor: (recipient) => `For ${recipient}`,
  linkForAnyone: 'For anyone with the link',
  linkDates: (created, expires) => `Created ${created}, expires ${expires}`,
  revokeLink: 'Revoke',
  linkRevoked: 'The link was revoked: it no longer works.',
  linkExpired: 'A link expired without being used.',
  linkUsedBy: (name, person) => `${person} connected ${name}.`,
  linkUsed: (name) => `${name} was connected through your link.`,
  linkCreateFailed: 'The link could not be created.',
  linkRevokeFailed: 'The link could not be revoked.',
  linksLoadFailed: 'The pending links could not be loaded.',

  historyTitle: 'History',
  historyFilterLabel: 'Account',
  historyAllAccounts: 'All accounts',
  historyEmpty: 'Nothing has happened to these connections yet.',
  historyEmptyFiltered: (name) => `Nothing is recorded for ${name}.`,
  historyCount: (count) => `${plural(count, 'event', 'events')} shown`,
  showOlder: 'Show older',
  historyLoadFailed: 'The history could not be loaded.',
  historyBy: (person) => `by ${person}`,
  historyViaLink: 'through a connect link',
  eventConnected: (name) => `${name} was connected`,
  eventReconnected: (name) => `${name} was re-connected`,
  eventFailed: (name) => `${name} stopped working`,
  eventRecovered: (name) => `${name} works again`,
  eventRefreshed: (name) => `The data of ${name} was refreshed`,
  eventMadeMain: (name) => `${name} became the main account`,
  eventExpiring: (name) => `${name} expires soon`,
  eventDeleted: (name) => `${name} was deleted`,
  eventLinkCreated: 'A connect link was created',
  eventLinkUsed: (name) => `A connect link was used for ${name}`,
  eventLinkRevoked: 'A connect link was revoked',
  eventUnknown: 'Another change',
};

/** Names and messages inside these texts, isolated as the locale controller does for the others. */
const isolated = Object.fromEntries(
  Object.entries(enDialog).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? (...args: unknown[]) => (value as (...a: unknown[]) => string)(...args.map((arg) => (typeof arg === 'string' ? `\u2068${arg}\u2069` : arg)))
      : value,
  ]),
) as unknown as DialogStrings;

const merged = new WeakMap<Strings, Strings>();

/**
 * A widget's texts with the dialog's English under them: a locale's own texts and the host's
 * overrides win, and English fills in what a page in English does not have yet. These texts are
 * not in the widgets' merged texts because every card's bundle would then carry them.
 */
export function withDialogStrings(strings: Strings): Strings {
  let result = merged.get(strings);
  if (!result) merged.set(strings, (result = { ...isolated, ...strings }));
  return result;
}

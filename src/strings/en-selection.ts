import type { SelectionStrings } from './strings.js';

// As in en.ts: its helpers are not shared, so that the first chunk need not export them.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const num = (value: number) => (numbers ??= new Intl.NumberFormat('en')).format(value);
const isOne = (count: number) => (rules ??= new Intl.PluralRules('en')).select(count) === 'one';
const plural = (count: number, one: string, other: string) => `${num(count)} ${isOne(count) ? one : other}`;

/**
 * The English texts of the account selection, apart from `en` because only the settings dialog
 * (a lazy chunk) shows them: it puts them under the widget's texts (`AccountSelection.strings`).
 */
export const enSelection: SelectionStrings = {
  selectionTitle: 'Choose the accounts to connect',
  selectionIntro: (count, source) =>
    `This sign-in gives access to ${num(count)} ${source} ${isOne(count) ? 'account' : 'accounts'}. Each one you choose becomes a connection.`,
  selectionSearch: 'Search accounts',
  selectAll: 'Select all',
  selectedCount: (selected, total) => `${num(selected)} of ${num(total)} selected`,
  alreadyConnected: 'Already connected',
  mainAccount: 'Main account',
  connectAccounts: (count) => `Connect ${plural(count, 'account', 'accounts')}`,
  selectionEmpty: 'Choose at least one account.',
  accountsConnected: (count) => `${plural(count, 'account is', 'accounts are')} connected.`,
  selectionCancelled: 'No account was added: the selection was cancelled.',
  selectionFailed: 'The chosen accounts could not be connected.',
  selectionExpired: 'The choice was not accepted in time. Sign in again to choose your accounts.',
};

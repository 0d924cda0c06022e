import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint } from '../../mocks/endpoint.js';
import { installFakePopup, providerState, type FakePopup } from '../../mocks/popup.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { AccountSelectionConfirmedEvent } from '../../src/events/account-selection-confirmed.js';
import type { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import '../../src/define/data-source-card.js';
import '../../src/define/reconnect-banner.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';
import { deepActive, message, rowIds, setup, text, until } from './helpers.js';

/** Accounts a manager account's sign-in reaches; the first is `connections(1)`'s account. */
const reached = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ accountName: `Client ${i + 1}`, accountId: `500-000-${String(i + 1).padStart(3, '0')}` }));

const step = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="selection"]');
const search = (el: Element) => step(el)!.querySelector<HTMLInputElement>('#selection-search')!;
const selectAll = (el: Element) => step(el)!.querySelector<HTMLInputElement>('.select-all input')!;
const count = (el: Element) => text(step(el)!.querySelector('.count'));
const picks = (el: Element) => [...step(el)!.querySelectorAll<HTMLLIElement>('li.pick')];
const pick = (el: Element, accountId: string) => step(el)!.querySelector<HTMLInputElement>(`li.pick[data-id="${accountId}"] input`)!;
const mainSelect = (el: Element) => step(el)!.querySelector<HTMLSelectElement>('#selection-main');
const buttonNamed = (el: Element, name: string) =>
  [...step(el)!.querySelectorAll<HTMLButtonElement>('.selection-actions button')].find((b) => text(b).startsWith(name))!;

const selectionRequests = (method: string) => requestsTo(`${method} /api/authorizations/`).filter((line) => line.endsWith('/selection'));

/** Add, then the provider's callback says the sign-in reached `accounts`. */
async function offerThroughAdd(el: ConnectionSettingsDialog, endpoint: MockEndpoint, popup: FakePopup, accounts: { accountName: string; accountId: string }[]) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
  const state = await providerState(popup);
  popup.post({ type: 'dsw-authorization', ...endpoint.offer(accounts, { state }) });
  await until(el, () => step(el));
}

function check(input: HTMLInputElement): void {
  input.click();
}

describe('connection-settings-dialog: account selection', function () {
  this.timeout(20000);
  let popup: FakePopup;
  beforeEach(() => {
    popup = installFakePopup();
  });
  afterEach(() => popup.restore());

  it('shows the accounts a sign-in reached in the dialog, connected ones marked and checked, focus in the search', async () => {
    const { el, endpoint } = await setup(connections(1));
    const connected = endpoint.sources.get('google-ads')!.connections[0]!;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    const state = await providerState(popup);
    const outcome = endpoint.offer([{ accountName: connected.accountName, accountId: connected.accountId }, ...reached(3)], { state });
    const shown = oneEvent(el, 'dsw-account-selection-shown');
    popup.post({ type: 'dsw-authorization', ...outcome });
    expect((await shown).detail.accounts).to.have.length(4);
    await until(el, () => step(el) && deepActive() === search(el));
    expect(text(step(el)!.querySelector('h3'))).to.equal('Choose the accounts to connect');
    expect(text(step(el)!.querySelector('.selection-intro'))).to.contain('gives access to 4 Google Ads accounts');
    expect(picks(el)).to.have.length(4);
    expect(pick(el, connected.accountId).checked).to.equal(true);
    expect(text(pick(el, connected.accountId).closest('li'))).to.contain('Already connected');
    expect(pick(el, '500-000-001').checked).to.equal(false);
    expect(count(el)).to.equal('1 of 4 selected');
    // The table and Add make way for the step; nothing was connected yet.
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="add-button"]')!).display).to.equal('none');
    expect(endpoint.sources.get('google-ads')!.connections).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('searches, selects all that the search shows, counts, and picks the first chosen as main', async () => {
    const { el, endpoint } = await setup(connections(1));
    await offerThroughAdd(el, endpoint, popup, reached(12));
    search(el).value = 'client 1';
    search(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    // Client 1, 10, 11 and 12.
    expect(picks(el)).to.have.length(4);
    check(selectAll(el));
    await el.updateComplete;
    expect(count(el)).to.equal('4 of 12 selected');
    expect(selectAll(el).checked).to.equal(true);
    search(el).value = '';
    search(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(selectAll(el).checked).to.equal(false);
    expect(selectAll(el).indeterminate).to.equal(true);
    expect(mainSelect(el)!.value).to.equal('500-000-001');
    expect(text(buttonNamed(el, 'Connect'))).to.equal('Connect 4 accounts');
    check(selectAll(el));
    await el.updateComplete;
    expect(count(el)).to.equal('12 of 12 selected');
    check(selectAll(el));
    await el.updateComplete;
    expect(count(el)).to.equal('0 of 12 selected');
    expect(mainSelect(el)).to.equal(null);
  });

  it('connects the chosen accounts with the chosen main: rows, events, announcement, focus on Add', async () => {
    const { el, endpoint } = await setup(connections(1));
    const connected = endpoint.sources.get('google-ads')!.connections[0]!;
    await offerThroughAdd(el, endpoint, popup, [{ accountName: connected.accountName, accountId: connected.accountId }, ...reached(3)]);
    check(pick(el, '500-000-002'));
    check(pick(el, '500-000-003'));
    await el.updateComplete;
    expect(count(el)).to.equal('3 of 4 selected');
    expect(mainSelect(el)!.value).to.equal(connected.accountId);
    mainSelect(el)!.value = '500-000-003';
    mainSelect(el)!.dispatchEvent(new Event('change'));
    const added: string[] = [];
    el.addEventListener('dsw-connection-added', (event) => added.push(event.detail.connection.accountId));
    const reconnected = oneEvent(el, 'dsw-connection-reconnected');
    const confirmed = oneEvent(el, 'dsw-account-selection-confirmed') as Promise<AccountSelectionConfirmedEvent>;
    buttonNamed(el, 'Connect').click();
    const { detail } = await confirmed;
    expect(detail.connections.map((c) => c.accountId)).to.deep.equal([connected.accountId, '500-000-002', '500-000-003']);
    expect(detail.main?.accountId).to.equal('500-000-003');
    expect(added).to.deep.equal(['500-000-002', '500-000-003']);
    expect((await reconnected).detail.connection.id).to.equal(connected.id);
    expect(selectionRequests('POST')).to.have.length(1);
    await until(el, () => !step(el) && rowIds(el).length === 3);
    const main = endpoint.sources.get('google-ads')!.connections.find((c) => c.role === 'main');
    expect(main?.accountId).to.equal('500-000-003');
    expect(rowIds(el)[0]).to.equal(main!.id);
    expect(message(el)).to.equal('3 accounts are connected.');
    await waitUntil(() => deepActive() === el.shadowRoot!.querySelector('[part~="add-button"]'), 'focus on Add');
  });

  it('asks for one account at least, and sends nothing until then', async () => {
    const { el, endpoint } = await setup(connections(1));
    await offerThroughAdd(el, endpoint, popup, reached(3));
    buttonNamed(el, 'Connect').click();
    await el.updateComplete;
    expect(text(step(el)!.querySelector('[role="alert"]'))).to.equal('Choose at least one account.');
    expect(selectionRequests('POST')).to.have.length(0);
  });

  it('cancelling connects nothing and says so', async () => {
    const { el, endpoint } = await setup(connections(2));
    await offerThroughAdd(el, endpoint, popup, reached(3));
    check(pick(el, '500-000-001'));
    const cancelled = oneEvent(el, 'dsw-account-selection-cancelled');
    buttonNamed(el, 'Cancel').click();
    expect((await cancelled).detail.sourceId).to.equal('google-ads');
    await until(el, () => !step(el) && rowIds(el).length === 2);
    expect(message(el)).to.equal('No account was added: the selection was cancelled.');
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role')).to.equal('status');
    await waitUntil(() => selectionRequests('DELETE').length === 1, 'the endpoint told');
    expect(endpoint.sources.get('google-ads')!.connections).to.have.length(2);
  });

  it('keeps 500 accounts usable: a windowed list, arrows, End and Space', async () => {
    const { el, endpoint } = await setup(connections(1));
    await offerThroughAdd(el, endpoint, popup, reached(500));
    await until(el, () => deepActive() === search(el));
    expect(picks(el).length).to.be.greaterThan(5).and.lessThan(100);
    expect(picks(el)[0]!.getAttribute('aria-setsize')).to.equal('500');
    // One checkbox in the tab order.
    expect(step(el)!.querySelectorAll('li.pick input[tabindex="0"]')).to.have.length(1);
    pick(el, '500-000-001').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepActive() === pick(el, '500-000-002'), 'focus on the second account');
    await sendKeys({ press: 'End' });
    await waitUntil(() => pick(el, '500-000-500') && deepActive() === pick(el, '500-000-500'), 'focus on the last account');
    expect(pick(el, '500-000-500').closest('li')!.getAttribute('aria-posinset')).to.equal('500');
    await sendKeys({ press: 'Space' });
    await until(el, () => count(el) === '1 of 500 selected');
    expect(pick(el, '500-000-500').checked).to.equal(true);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActive() === pick(el, '500-000-001'), 'focus on the first account');
    await expect(el).to.be.accessible();
  });

  it('Escape clears a filled search first, then closes the dialog, which cancels', async () => {
    const { el, endpoint } = await setup(connections(1));
    await offerThroughAdd(el, endpoint, popup, reached(3));
    await until(el, () => deepActive() === search(el));
    await sendKeys({ type: 'Client 2' });
    await until(el, () => picks(el).length === 1);
    await sendKeys({ press: 'Escape' });
    await until(el, () => picks(el).length === 3);
    expect(el.open).to.equal(true);
    const cancelled = oneEvent(el, 'dsw-account-selection-cancelled');
    await sendKeys({ press: 'Escape' });
    await cancelled;
    expect(el.open).to.equal(false);
  });
});

describe('data-source-card: account selection', function () {
  this.timeout(20000);
  let popup: FakePopup;
  beforeEach(() => {
    popup = installFakePopup();
  });
  afterEach(() => popup.restore());

  it('opens the dialog on the choice after Connect, then closes it and announces what was connected', async () => {
    window.focus();
    const endpoint = mockEndpoint([googleAds([])]);
    await useHandlers(...endpoint.handlers);
    const container = document.createElement('div');
    document.body.append(container);
    container.innerHTML = '<data-source-provider endpoint="/api"><data-source-card source="google-ads" locale="en-US"></data-source-card></data-source-provider>';
    try {
      const card = container.querySelector<DataSourceCard>('data-source-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('[part~="connect-button"]'), 'Connect');
      const connect = card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="connect-button"]')!;
      connect.focus();
      connect.click();
      const state = await providerState(popup);
      const outcome = endpoint.offer(reached(4), { state });
      popup.post({ type: 'dsw-authorization', ...outcome });
      await waitUntil(() => card.shadowRoot!.querySelector('connection-settings-dialog'), 'the dialog');
      const dialog = card.shadowRoot!.querySelector<ConnectionSettingsDialog>('connection-settings-dialog')!;
      await waitUntil(() => step(dialog) && deepActive() === search(dialog), 'the step, focused');
      expect(dialog.open).to.equal(true);
      check(pick(dialog, '500-000-002'));
      check(pick(dialog, '500-000-004'));
      await dialog.updateComplete;
      mainSelect(dialog)!.value = '500-000-004';
      mainSelect(dialog)!.dispatchEvent(new Event('change'));
      buttonNamed(dialog, 'Connect').click();
      await waitUntil(() => !dialog.open, 'the dialog closed');
      await waitUntil(() => text(card.shadowRoot!.querySelector('[part~="notice"]')) === '2 accounts are connected.', 'the announcement');
      expect(text(card.shadowRoot!.querySelector('[part~="summary"]'))).to.equal('2 accounts');
      expect(endpoint.sources.get('google-ads')!.connections.find((c) => c.role === 'main')?.accountId).to.equal('500-000-004');
      // Connect is gone: focus goes to Connection settings, never to <body>.
      await waitUntil(() => deepActive() === card.shadowRoot!.querySelector('[part~="settings-button"]'), 'focus on the settings button');
    } finally {
      container.remove();
    }
  });
});

describe('reconnect-banner: account selection', function () {
  this.timeout(20000);
  let popup: FakePopup;
  beforeEach(() => {
    sessionStorage.clear();
    popup = installFakePopup();
  });
  afterEach(() => popup.restore());

  it('re-connecting an account whose credentials now reach more offers the new ones without adding it again', async () => {
    window.focus();
    const endpoint = mockEndpoint([googleAds(connections(2, [1]))]);
    await useHandlers(...endpoint.handlers);
    const container = document.createElement('div');
    document.body.append(container);
    container.innerHTML =
      '<data-source-provider endpoint="/api"><reconnect-banner source="google-ads" locale="en-US"></reconnect-banner></data-source-provider><button id="after">Next on the page</button>';
    try {
      const banner = container.querySelector('reconnect-banner')!;
      await waitUntil(() => [...(banner.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => text(b).startsWith('Re-connect')), 'the banner');
      const failing = endpoint.sources.get('google-ads')!.connections[1]!;
      const reconnect = [...banner.shadowRoot!.querySelectorAll('button')].find((b) => text(b).startsWith('Re-connect'))!;
      reconnect.focus();
      reconnect.click();
      const state = await providerState(popup);
      popup.post({ type: 'dsw-authorization', ...endpoint.offer([{ accountName: failing.accountName, accountId: failing.accountId }, ...reached(2)], { state }) });
      await waitUntil(() => banner.shadowRoot!.querySelector('connection-settings-dialog'), 'the dialog');
      const dialog = banner.shadowRoot!.querySelector<ConnectionSettingsDialog>('connection-settings-dialog')!;
      await waitUntil(() => step(dialog) && deepActive() === search(dialog), 'the step, focused');
      // The account re-connected is offered as connected, checked; the new ones are not.
      expect(pick(dialog, failing.accountId).checked).to.equal(true);
      expect(text(pick(dialog, failing.accountId).closest('li'))).to.contain('Already connected');
      check(pick(dialog, '500-000-002'));
      await dialog.updateComplete;
      const reconnected = oneEvent(banner, 'dsw-connection-reconnected');
      buttonNamed(dialog, 'Connect').click();
      expect((await reconnected).detail.connection.id).to.equal(failing.id);
      await waitUntil(() => !dialog.open, 'the dialog closed');
      const list = endpoint.sources.get('google-ads')!.connections;
      expect(list).to.have.length(3);
      expect(list.filter((c) => c.accountId === failing.accountId)).to.have.length(1);
      expect(list.find((c) => c.id === failing.id)!.status).to.equal('active');
      // The mended banner renders nothing: focus goes on to the next control, never to <body>.
      await waitUntil(() => deepActive() === container.querySelector('#after'), 'focus on the next control');
    } finally {
      container.remove();
    }
  });
});

import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { connections } from '../../mocks/data.js';
import { installFakePopup, providerState, type FakePopup } from '../../mocks/popup.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { ConnectRequestEvent } from '../../src/events/connect-request.js';
import { requestsTo } from '../helpers/msw.js';
import { button, message, row, rowIds, setup, text, until } from './helpers.js';

const issuedState = (popup: FakePopup): Promise<string> => providerState(popup);

const addButton = (el: ConnectionSettingsDialog) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]')!;

describe('connection-settings-dialog: connect and re-connect', function () {
  this.timeout(20000);
  let popup: FakePopup;
  beforeEach(() => {
    popup = installFakePopup();
  });
  afterEach(() => popup.restore());

  it('adds an account with Add or Update Connector: it appears as main', async () => {
    const { el, endpoint } = await setup(connections(2));
    expect(text(addButton(el))).to.equal('Add or Update Connector');
    const requested = new Promise<ConnectRequestEvent>((resolve) => el.addEventListener('dsw-connect-request', resolve, { once: true }));
    addButton(el).click();
    expect((await requested).detail).to.deep.equal({ sourceId: 'google-ads', connectionId: undefined });
    expect(popup.opened).to.have.length(1);
    await until(el, () => message(el) === 'Waiting for the sign-in window…');

    const state = await issuedState(popup);
    const outcome = endpoint.complete(state, { accountName: 'Brand new', accountId: '555-000-111' });
    const added = oneEvent(el, 'dsw-connection-added');
    popup.post({ type: 'dsw-authorization', ...outcome });
    expect((await added).detail.connection.accountName).to.equal('Brand new');
    await until(el, () => rowIds(el).length === 3);
    expect(rowIds(el)[0]).to.equal(outcome.connectionId);
    expect(text(row(el, outcome.connectionId!)!.querySelector('.badge'))).to.equal('Main');
    expect(message(el)).to.equal('Brand new is connected.');
    await expect(el).to.be.accessible();
  });

  it('re-connects an account in error from its row', async () => {
    const { el, endpoint } = await setup(connections(3, [1]));
    const requested = new Promise<ConnectRequestEvent>((resolve) => el.addEventListener('dsw-connect-request', resolve, { once: true }));
    button(el, 'conn_2', 'reconnect').click();
    expect((await requested).detail.connectionId).to.equal('conn_2');
    const state = await issuedState(popup);
    expect(requestsTo('POST /api/data-sources/google-ads/authorizations')).to.have.length(1);
    const outcome = endpoint.complete(state);
    expect(outcome.connectionId).to.equal('conn_2');
    const reconnected = oneEvent(el, 'dsw-connection-reconnected');
    popup.post({ type: 'dsw-authorization', state, status: 'completed', connectionId: 'conn_2' });
    expect((await reconnected).detail.connection.id).to.equal('conn_2');
    await until(el, () => text(row(el, 'conn_2')!.querySelector('.status')) === 'Active');
    expect(row(el, 'conn_2')!.querySelector('[data-action="reconnect"]')).to.equal(null);
    expect(rowIds(el)).to.have.length(3);
    expect(message(el)).to.equal('Account 2 is connected again.');
  });

  it('keeps focus in the row whose Re-connect worked (the button goes, the row stays)', async () => {
    const { el, endpoint } = await setup(connections(3, [1]));
    const reconnect = button(el, 'conn_2', 'reconnect');
    reconnect.focus();
    reconnect.click();
    const state = await issuedState(popup);
    endpoint.complete(state);
    popup.post({ type: 'dsw-authorization', state, status: 'completed', connectionId: 'conn_2' });
    await until(el, () => !row(el, 'conn_2')!.querySelector('[data-action="reconnect"]'));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(row(el, 'conn_2')!.querySelector('[data-action]'));
  });

  it('offers to add another account as a new connection when the user signed in as it', async () => {
    const { el } = await setup(connections(3, [1]));
    button(el, 'conn_2', 'reconnect').click();
    const state = await issuedState(popup);
    const failed = oneEvent(el, 'dsw-error');
    popup.post({
      type: 'dsw-authorization',
      state,
      status: 'failed',
      error: { code: 'account_mismatch', message: 'You signed in as Other Ads (777).' },
    });
    expect((await failed).detail.action).to.equal('reconnect');
    await until(el, () => message(el).includes('Other Ads'));
    expect(message(el)).to.equal('You signed in as Other Ads (777). Nothing was replaced.');
    expect(text(row(el, 'conn_2')!.querySelector('.status'))).to.equal('Error');
    const addNew = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('footer button')].find(
      (b) => text(b) === 'Add it as a new connection',
    )!;
    expect(addNew).to.exist;
    await expect(el).to.be.accessible();

    const requested = new Promise<ConnectRequestEvent>((resolve) => el.addEventListener('dsw-connect-request', resolve, { once: true }));
    addNew.click();
    expect((await requested).detail.connectionId).to.equal(undefined);
    expect(popup.opened).to.have.length(2);
    await waitUntil(() => requestsTo('POST /api/data-sources/google-ads/authorizations').length === 2);
  });

  it('opens no pop-up and sends nothing when the host prevents dsw-connect-request', async () => {
    const { el } = await setup(connections(2, [1]));
    el.addEventListener('dsw-connect-request', (e) => e.preventDefault());
    addButton(el).click();
    button(el, 'conn_2', 'reconnect').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(popup.opened).to.have.length(0);
    expect(requestsTo('POST')).to.have.length(0);
    expect(message(el)).to.equal('');
  });

  it('says the pop-up was blocked and offers to retry', async () => {
    popup.restore();
    popup = installFakePopup({ blocked: true });
    const { el } = await setup(connections(1));
    addButton(el).click();
    await until(el, () => message(el).includes('blocked'));
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('footer button')].find((b) => text(b) === 'Retry');
    expect(retry).to.exist;
  });
});

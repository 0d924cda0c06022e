import { aTimeout, expect, html } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import { AuthorizationError } from '../../src/auth/authorization-error.js';
import type { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import { requests, requestsTo } from '../helpers/msw.js';
import { SLOW, button, cardLoaded, completeAuthorization, nextEvent, part, providerPage, serve, text, underProvider, until } from './helpers.js';

async function card(): Promise<DataSourceCard> {
  const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>`);
  const el = provider.querySelector('data-source-card')!;
  await cardLoaded(el);
  return el;
}

const notice = (el: Element) => text(el.shadowRoot!.querySelector('[role="status"]'));

describe('data-source-card: connect', function () {
  this.timeout(SLOW);
  let popup: FakePopup;
  afterEach(() => popup?.restore());

  it('opens the pop-up inside the click, then turns into Connection settings', async () => {
    const endpoint = await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();

    part(el, 'connect-button')!.click();
    // Synchronously: a window opened after an await would be blocked.
    expect(popup.opened).to.have.length(1);
    expect(popup.opened[0]!.url).to.equal('about:blank');

    const state = await providerPage(popup);
    expect(requestsTo('POST /api/data-sources/google-ads/authorizations')).to.have.length(1);
    const added = nextEvent(el, 'dsw-connection-added');
    completeAuthorization(endpoint, popup, state, { accountName: 'Acme Search', accountId: '42' });
    const event = await added;
    expect(event.detail.sourceId).to.equal('google-ads');
    expect(event.detail.connection).to.include({ accountName: 'Acme Search', accountId: '42', role: 'main' });
    await until(() => part(el, 'settings-button'), 'Connection settings shown');
    expect(text(part(el, 'summary'))).to.equal('1 account');
    expect(notice(el)).to.equal('Acme Search is connected.');
    await expect(el).to.be.accessible();
  });

  it('shows the button busy and announces the wait while the pop-up is open', async () => {
    await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();
    const connect = part(el, 'connect-button')!;
    expect(connect.getAttribute('aria-busy')).to.equal('false');
    connect.click();
    await el.updateComplete;
    expect(part(el, 'connect-button')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'connect-button')!.querySelector('.spinner')).to.exist;
    expect(notice(el)).to.equal('Waiting for the sign-in window…');
    await expect(el).to.be.accessible();
  });

  it('a blocked pop-up: says so with Retry, fires dsw-error (blocked), sends no request', async () => {
    await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup({ blocked: true });
    const error = nextEvent(el, 'dsw-error');
    part(el, 'connect-button')!.click();
    const event = await error;
    expect(event.detail.error).to.be.instanceOf(AuthorizationError);
    expect((event.detail.error as AuthorizationError).reason).to.equal('blocked');
    expect(event.detail.action).to.equal('connect');
    await until(() => part(el, 'connect-button')!.getAttribute('aria-busy') === 'false', 'button reset');
    expect(notice(el)).to.match(/blocked by the browser/);
    expect(requestsTo('POST')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Retry is a new click: it tries to open the window again.
    button(el, 'Retry')!.click();
    expect(popup.opened).to.have.length(2);
  });

  it('a closed pop-up ends as cancelled within a second and resets the button', async () => {
    await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();
    part(el, 'connect-button')!.click();
    await providerPage(popup);
    const started = performance.now();
    popup.close();
    await until(() => notice(el) === 'The sign-in was cancelled. Nothing was changed.', 'cancelled', 2000);
    // The flow polls `closed` every 500 ms, then asks the endpoint once: about a second.
    expect(performance.now() - started).to.be.below(2000);
    expect(part(el, 'connect-button')!.getAttribute('aria-busy')).to.equal('false');
    expect(text(part(el, 'connect-button'))).to.equal('Connect');
    // The notice can be cleared.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Dismiss message"]')!.click();
    await el.updateComplete;
    expect(notice(el)).to.equal('');

    // The endpoint is asked on in the background (the window may only be severed) until the
    // card goes away: no question after that.
    const asked = requestsTo('GET /api/authorizations/').length;
    expect(asked).to.be.at.least(1);
    el.remove();
    await aTimeout(1500);
    expect(requestsTo('GET /api/authorizations/')).to.have.length(asked);
  });

  it('a pop-up a COOP sign-in page severed: cancelled at first, then connected once the endpoint completes', async () => {
    const endpoint = await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();
    let added = 0;
    el.addEventListener('dsw-connection-added', () => added++);
    part(el, 'connect-button')!.click();
    const state = await providerPage(popup);
    // Severed, the window reads as closed while the user is still signing in.
    popup.close();
    await until(() => notice(el) === 'The sign-in was cancelled. Nothing was changed.', 'cancelled', 2000);
    expect(part(el, 'connect-button')!.getAttribute('aria-busy')).to.equal('false');

    // The user approves in the severed window; only the endpoint hears of it.
    const connected = nextEvent(el, 'dsw-connection-added');
    endpoint.complete(state, { accountName: 'Acme Search', accountId: '42' });
    const event = await connected;
    expect(event.detail.connection).to.include({ accountName: 'Acme Search', accountId: '42' });
    await until(() => part(el, 'settings-button'), 'Connection settings shown');
    expect(text(part(el, 'summary'))).to.equal('1 account');
    expect(notice(el)).to.equal('Acme Search is connected.');
    expect(added).to.equal(1);
  });

  it('ignores messages from another origin or with another state', async () => {
    const endpoint = await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();
    let added = 0;
    el.addEventListener('dsw-connection-added', () => added++);
    part(el, 'connect-button')!.click();
    const state = await providerPage(popup);
    const outcome = endpoint.complete(state);

    popup.post({ type: 'dsw-authorization', ...outcome }, 'https://evil.example');
    popup.post({ type: 'dsw-authorization', ...outcome, state: 'state_forged' });
    await aTimeout(100);
    expect(added).to.equal(0);
    expect(part(el, 'connect-button')!.getAttribute('aria-busy')).to.equal('true');
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(1);

    popup.post({ type: 'dsw-authorization', ...outcome });
    await until(() => added === 1, 'the genuine message is accepted');
  });

  it('a prevented dsw-connect-request opens nothing and sends nothing', async () => {
    await serve([googleAds([])]);
    const el = await card();
    popup = installFakePopup();
    el.addEventListener('dsw-connect-request', (event) => {
      expect(event.detail).to.deep.equal({ sourceId: 'google-ads', connectionId: undefined });
      event.preventDefault();
    });
    part(el, 'connect-button')!.click();
    await aTimeout(50);
    expect(popup.opened).to.deep.equal([]);
    expect(requests.filter((r) => !r.startsWith('GET'))).to.deep.equal([]);
    expect(notice(el)).to.equal('');
  });

  it('Re-connect on a failing account re-authorizes that connection and clears the failure', async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))]);
    const el = await card();
    popup = installFakePopup();
    const request = nextEvent(el, 'dsw-connect-request');
    part(el, 'reconnect-button')!.click();
    expect((await request).detail.connectionId).to.equal('conn_2');
    expect(popup.opened).to.have.length(1);
    await el.updateComplete;
    expect(part(el, 'reconnect-button')!.getAttribute('aria-busy')).to.equal('true');

    const state = await providerPage(popup);
    const reconnected = nextEvent(el, 'dsw-connection-reconnected');
    completeAuthorization(endpoint, popup, state);
    expect((await reconnected).detail.connection).to.include({ id: 'conn_2', status: 'active' });
    await until(() => !part(el, 'failures'), 'failure gone');
    expect(text(part(el, 'summary'))).to.equal('2 accounts');
    expect(notice(el)).to.equal('Account 2 is connected again.');
  });

  it('another account at re-connect: says so and offers to add it as a new connection', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await card();
    popup = installFakePopup();
    part(el, 'reconnect-button')!.click();
    const state = await providerPage(popup);
    popup.post({
      type: 'dsw-authorization',
      state,
      status: 'failed',
      error: { code: 'account_mismatch', message: 'You signed in as Other Corp.' },
    });
    await until(() => button(el, 'Add it as a new connection'), 'offer shown');
    expect(notice(el)).to.equal('You signed in as Other Corp. Nothing was replaced.');
    await expect(el).to.be.accessible();

    const request = nextEvent(el, 'dsw-connect-request');
    button(el, 'Add it as a new connection')!.click();
    expect((await request).detail.connectionId).to.equal(undefined);
    expect(popup.opened).to.have.length(2);
  });
});

import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { connections, expiredGrant, googleAds } from '../../mocks/data.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import type { ReconnectBanner } from '../../src/reconnect-banner/reconnect-banner.js';
import { requestsTo } from '../helpers/msw.js';
import { visible } from '../helpers/text.js';
import {
  SLOW,
  button,
  completeAuthorization,
  nextEvent,
  part,
  providerPage,
  serve,
  text,
  underProvider,
  until,
} from '../data-source-card/helpers.js';

async function banner(attributes: { connection?: string } = {}): Promise<ReconnectBanner> {
  const provider = await underProvider(
    attributes.connection
      ? html`<reconnect-banner source="google-ads" connection=${attributes.connection}></reconnect-banner>`
      : html`<reconnect-banner source="google-ads"></reconnect-banner>`,
  );
  const el = provider.querySelector('reconnect-banner')!;
  await until(() => requestsTo('GET /api/data-sources/google-ads').length > 0, 'load started');
  await aTimeout(50);
  await el.updateComplete;
  return el;
}

const live = (el: Element) => text(el.shadowRoot!.querySelector('[role="status"]'));
const isShown = (el: Element) => el.matches(':state(shown)');

describe('reconnect-banner', function () {
  this.timeout(SLOW);
  let popup: FakePopup | undefined;
  beforeEach(() => sessionStorage.clear());
  afterEach(() => popup?.restore());

  it('renders nothing while every connection is healthy', async () => {
    await serve([googleAds(connections(2))]);
    const el = await banner();
    expect(part(el, 'banner')).to.equal(null);
    expect(isShown(el)).to.equal(false);
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(live(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('renders nothing while loading, nor when the load fails', async () => {
    await serve([googleAds(connections(1, [0]))], { latency: 'infinite' });
    const loading = await banner();
    expect(part(loading, 'banner')).to.equal(null);
    expect(loading.getBoundingClientRect().height).to.equal(0);

    await serve([googleAds(connections(1, [0]))], { failWith: 500 });
    const failed = await banner();
    expect(part(failed, 'banner')).to.equal(null);
  });

  it('one failure: a labelled region naming the account, its message, a red Re-connect, announced politely', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    const region = part(el, 'banner')!;
    expect(region.localName).to.equal('section');
    expect(region.getAttribute('aria-labelledby')).to.equal('title');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(text(part(el, 'title'))).to.equal('Google Ads Account 2 needs to be re-connected');
    expect(part(el, 'title')!.getAttribute('role')).to.equal('heading');
    expect(text(part(el, 'failure-message'))).to.equal(expiredGrant.message);
    const reconnect = part(el, 'reconnect-button')!;
    expect(text(reconnect)).to.equal('Re-connect');
    expect(getComputedStyle(reconnect).backgroundColor).to.equal('rgb(185, 28, 28)');
    expect(text(part(el, 'settings-button'))).to.equal('Open connection settings');
    expect(part(el, 'pager')).to.equal(null);
    expect(isShown(el)).to.equal(true);
    expect(live(el)).to.equal('Account 2 needs to be re-connected');
    await expect(el).to.be.accessible();
  });

  it('Re-connect re-authorizes that connection, refreshes it and hides the banner', async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    popup = installFakePopup();
    const request = nextEvent(el, 'dsw-connect-request');
    part(el, 'reconnect-button')!.click();
    expect(popup.opened).to.have.length(1);
    expect((await request).detail).to.deep.equal({ sourceId: 'google-ads', connectionId: 'conn_2' });
    const state = await providerPage(popup);
    expect(requestsTo('POST /api/data-sources/google-ads/authorizations')).to.have.length(1);

    const reconnected = nextEvent(el, 'dsw-connection-reconnected');
    completeAuthorization(endpoint, popup, state);
    expect((await reconnected).detail.connection).to.include({ id: 'conn_2', status: 'active' });
    await until(() => !part(el, 'banner'), 'banner hidden');
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(2);
    expect(live(el)).to.equal('Account 2 is connected again.');
    expect(isShown(el)).to.equal(false);
  });

  it('a blocked re-connect says so and offers Retry', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    popup = installFakePopup({ blocked: true });
    const error = nextEvent(el, 'dsw-error');
    part(el, 'reconnect-button')!.click();
    expect((await error).detail.action).to.equal('reconnect');
    await until(() => part(el, 'notice'), 'notice shown');
    expect(text(part(el, 'notice'))).to.match(/blocked by the browser/);
    expect(live(el)).to.match(/blocked by the browser/);
    await expect(el).to.be.accessible();
    button(el, 'Retry')!.click();
    expect(popup.opened).to.have.length(2);
  });

  it('several failures: says how many and pages through them', async () => {
    await serve([googleAds(connections(4, [0, 2, 3]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    expect(text(part(el, 'title'))).to.equal('Google Ads 3 accounts need to be re-connected');
    expect(text(part(el, 'pager'))).to.equal('1 of 3');
    expect(text(part(el, 'failure-account'))).to.equal('Account 1');
    await expect(el).to.be.accessible();

    const next = el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Next account"]')!;
    next.click();
    await el.updateComplete;
    expect(text(part(el, 'pager'))).to.equal('2 of 3');
    expect(text(part(el, 'failure-account'))).to.equal('Account 3');
    expect(visible(part(el, 'reconnect-button')!.getAttribute('aria-label'))).to.equal('Re-connect Account 3: Google Ads');
    expect(live(el)).to.equal('Account 3, 2 of 3');

    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Previous account"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Previous account"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'pager')), 'wraps around').to.equal('3 of 3');
    expect(text(part(el, 'failure-account'))).to.equal('Account 4');
  });

  it('re-connects the account paged to', async () => {
    await serve([googleAds(connections(3, [1, 2]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Next account"]')!.click();
    await el.updateComplete;
    popup = installFakePopup();
    const request = nextEvent(el, 'dsw-connect-request');
    part(el, 'reconnect-button')!.click();
    expect((await request).detail.connectionId).to.equal('conn_3');
  });

  it('connection="…" narrows it to that connection', async () => {
    await serve([googleAds(connections(3, [1, 2]))]);
    const el = await banner({ connection: 'conn_3' });
    await until(() => part(el, 'banner'), 'banner shown');
    expect(text(part(el, 'title'))).to.equal('Google Ads Account 3 needs to be re-connected');
    expect(part(el, 'pager')).to.equal(null);

    const healthy = await banner({ connection: 'conn_1' });
    expect(part(healthy, 'banner')).to.equal(null);
  });

  it('Open connection settings: a cancelable request, then the dialog', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    const prevent = (event: Event) => event.preventDefault();
    el.addEventListener('dsw-open-settings-request', prevent);
    part(el, 'settings-button')!.click();
    await aTimeout(50);
    expect(part(el, 'settings-dialog')).to.equal(null);

    el.removeEventListener('dsw-open-settings-request', prevent);
    const opened = nextEvent(el, 'dsw-dialog-opened');
    part(el, 'settings-button')!.click();
    expect((await opened).detail.sourceId).to.equal('google-ads');
    expect((part(el, 'settings-dialog') as ConnectionSettingsDialog).open).to.equal(true);
  });

  it('a prevented dsw-connect-request opens no pop-up', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'banner shown');
    popup = installFakePopup();
    el.addEventListener('dsw-connect-request', (event) => event.preventDefault());
    part(el, 'reconnect-button')!.click();
    await aTimeout(50);
    expect(popup.opened).to.deep.equal([]);
    expect(requestsTo('POST')).to.deep.equal([]);
    expect(part(el, 'reconnect-button')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('a banner removed mid-load aborts its request', async () => {
    const signals: AbortSignal[] = [];
    const hangingFetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init!.signal!);
      return new Promise<Response>(() => {});
    };
    const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api" .fetch=${hangingFetch}>
      <reconnect-banner source="google-ads"></reconnect-banner>
    </data-source-provider>`);
    await until(() => signals.length === 1, 'request started');
    provider.querySelector('reconnect-banner')!.remove();
    expect(signals[0]!.aborted).to.equal(true);
  });
});

import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/define/connection-settings-dialog.js';
import { connections, googleAds } from '../../mocks/data.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import type { ReconnectBanner } from '../../src/reconnect-banner/reconnect-banner.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';
import { SLOW, cardLoaded, completeAuthorization, mount, part, providerPage, serve, text, until } from './helpers.js';

const GET = 'GET /api/data-sources/google-ads';

const bannerShown = (banner: ReconnectBanner) => !!part(banner, 'banner');

describe('card, banner and dialog stay consistent', function () {
  this.timeout(SLOW);
  let popup: FakePopup | undefined;
  afterEach(() => popup?.restore());

  it('under one provider: one GET for all three; a delete in the dialog updates the card and hides the banner with one more GET', async () => {
    await serve([googleAds(connections(3, [0]))]);
    const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <data-source-card source="google-ads"></data-source-card>
      <connection-settings-dialog source="google-ads"></connection-settings-dialog>
    </data-source-provider>`);
    const card = provider.querySelector('data-source-card')!;
    const banner = provider.querySelector('reconnect-banner')!;
    const dialog = provider.querySelector<ConnectionSettingsDialog>('connection-settings-dialog')!;
    await cardLoaded(card);
    await until(() => bannerShown(banner), 'banner shown');
    expect(requestsTo(GET)).to.have.length(1);
    expect(text(part(card, 'summary'))).to.equal('3 accounts, 1 needs attention');

    dialog.show();
    const deleteFirst = () => dialog.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-id="conn_1"] [data-action="delete"]');
    await until(() => deleteFirst(), 'row shown');
    deleteFirst()!.click();
    await until(() => dialog.shadowRoot!.querySelector<HTMLDialogElement>('[part~="confirm"]')?.open, 'confirm open');
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();

    await until(() => text(part(card, 'summary')) === '2 accounts', 'card updated');
    await until(() => !bannerShown(banner), 'banner hidden');
    await until(() => requestsTo(GET).length === 2, 'revalidated');
    await aTimeout(100);
    expect(requestsTo('DELETE')).to.deep.equal(['DELETE /api/data-sources/google-ads/connections/conn_1']);
    expect(requestsTo(GET), 'one revalidation for every widget').to.have.length(2);
    expect(part(card, 'failures')).to.equal(null);
  });

  it('a delete through the shared store (as any widget does) moves the banner to the remaining failure', async () => {
    await serve([googleAds(connections(3, [1, 2]))]);
    const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <data-source-card source="google-ads"></data-source-card>
    </data-source-provider>`);
    const card = provider.querySelector('data-source-card')!;
    const banner = provider.querySelector('reconnect-banner')!;
    await cardLoaded(card);
    await until(() => bannerShown(banner), 'banner shown');
    expect(text(part(banner, 'title'))).to.equal('Google Ads 2 accounts need to be re-connected');

    await provider.store!.remove('google-ads', 'conn_2');
    await until(() => requestsTo(GET).length === 2, 'revalidated');
    await banner.updateComplete;
    expect(text(part(banner, 'title'))).to.equal('Google Ads Account 3 needs to be re-connected');
    expect(text(part(card, 'summary'))).to.equal('2 accounts, 1 needs attention');
    expect(part(card, 'pager')).to.equal(null);
  });

  it('stand-alone widgets with the same endpoint share one request', async () => {
    await serve([googleAds(connections(2, [1]))], { base: '/api/solo-share' });
    const root = mount(html`<div>
      <data-source-card source="google-ads" endpoint="/api/solo-share"></data-source-card>
      <reconnect-banner source="google-ads" endpoint="/api/solo-share"></reconnect-banner>
      <data-source-card source="google-ads" endpoint="/api/solo-share"></data-source-card>
    </div>`);
    const [first, second] = root.querySelectorAll('data-source-card');
    await cardLoaded(first!);
    await cardLoaded(second!);
    await until(() => bannerShown(root.querySelector('reconnect-banner')!), 'banner shown');
    expect(requestsTo('GET /api/solo-share/data-sources/google-ads')).to.have.length(1);
  });

  it('a re-connect from the banner clears the failure in a stand-alone card too', async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))], { base: '/api/solo-reconnect' });
    const root = mount(html`<div>
      <reconnect-banner source="google-ads" endpoint="/api/solo-reconnect"></reconnect-banner>
      <data-source-card source="google-ads" endpoint="/api/solo-reconnect"></data-source-card>
    </div>`);
    const card = root.querySelector('data-source-card')!;
    const banner = root.querySelector('reconnect-banner')!;
    await cardLoaded(card);
    await until(() => bannerShown(banner), 'banner shown');
    popup = installFakePopup();
    part(banner, 'reconnect-button')!.click();
    const state = await providerPage(popup);
    completeAuthorization(endpoint, popup, state);
    await until(() => !part(card, 'failures'), 'card repaired');
    expect(bannerShown(banner)).to.equal(false);
    expect(text(part(card, 'summary'))).to.equal('2 accounts');
    expect(requestsTo('GET /api/solo-reconnect/data-sources/google-ads')).to.have.length(2);
  });

  it('a card removed mid-load aborts its request', async () => {
    await useHandlers();
    const signals: AbortSignal[] = [];
    const hangingFetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init!.signal!);
      return new Promise<Response>(() => {});
    };
    const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api" .fetch=${hangingFetch}>
      <data-source-card source="google-ads"></data-source-card>
    </data-source-provider>`);
    await until(() => signals.length === 1, 'request started');
    expect(signals[0]!.aborted).to.equal(false);
    provider.querySelector('data-source-card')!.remove();
    expect(signals[0]!.aborted).to.equal(true);
  });
});

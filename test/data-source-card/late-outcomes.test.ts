// A sign-in that ends late still ends as a connection: after the flow's timeout, or after the
// host page reloaded while the pop-up was open. No click needed; announced and reported once.
import { expect, html } from '@open-wc/testing';
import { googleAds } from '../../mocks/data.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import { ApiClient } from '../../src/api/client.js';
import { rememberPending } from '../../src/auth/pending.js';
import { en } from '../../src/strings/en.js';
import { SLOW, cardLoaded, part, providerPage, serve, text, underProvider, until } from './helpers.js';

const notice = (el: Element) => text(el.shadowRoot!.querySelector('[part~="notice"] [role="status"]'));

describe('data-source-card: late outcomes', function () {
  this.timeout(SLOW);
  let popup: FakePopup | undefined;
  // sessionStorage outlives a test file in the runner's tab: start from none.
  beforeEach(() => sessionStorage.clear());
  afterEach(() => {
    popup?.restore();
    sessionStorage.clear();
  });

  it('a sign-in approved after the timeout appears as a row, announced, with one event', async () => {
    const endpoint = await serve([googleAds([])]);
    const provider = await underProvider(html`<data-source-card source="google-ads" authorization-timeout-ms="400"></data-source-card>`);
    const el = provider.querySelector('data-source-card')!;
    await cardLoaded(el);
    const added: Event[] = [];
    el.addEventListener('dsw-connection-added', (event) => added.push(event));
    popup = installFakePopup();
    part(el, 'connect-button')!.click();
    const state = await providerPage(popup);

    await until(() => notice(el) === en.authorizationTimedOut, 'the timeout said');
    expect(popup.window!.closed, 'the window stays for a user still signing in').to.equal(false);
    // The user finishes signing in now; the callback page's message cannot reach a flow that
    // ended, but the endpoint knows.
    endpoint.complete(state, { accountName: 'Late Ads', accountId: '77' });
    await until(() => notice(el) === en.connected('Late Ads'), 'the late connection announced', 6000);
    expect(text(part(el, 'summary'))).to.equal(en.accountCount(1));
    expect(part(el, 'settings-button')).to.exist;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(added).to.have.length(1);
    expect(sessionStorage.getItem('dsw-pending-authorizations') ?? '', 'forgotten once ended').not.to.contain(state);
  });

  it('a sign-in left under way by an earlier page is picked up and ends as a connection', async () => {
    const endpoint = await serve([googleAds([])]);
    // What the earlier page left: a started authorization, remembered for this tab.
    const { state } = await new ApiClient({ endpoint: '/api' }).startAuthorization('google-ads', { origin: location.origin });
    rememberPending({ endpoint: new URL('/api/', location.href).href, sourceId: 'google-ads', state, expiresAt: Date.now() + 60_000 });

    const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>
      <data-source-card source="google-ads"></data-source-card>`);
    const cards = [...provider.querySelectorAll('data-source-card')];
    await cardLoaded(cards[0]!);
    const added: Event[] = [];
    provider.addEventListener('dsw-connection-added', (event) => added.push(event));
    endpoint.complete(state, { accountName: 'Resumed Ads', accountId: '88' });
    await until(() => cards.every((card) => text(part(card, 'summary')) === en.accountCount(1)), 'both cards updated', 6000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(added, 'one event, however many widgets show the source').to.have.length(1);
    expect(sessionStorage.getItem('dsw-pending-authorizations') ?? '').not.to.contain(state);
  });
});

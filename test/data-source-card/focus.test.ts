// Focus is never dropped to <body> when a connect or re-connect that worked removes the button
// that had it: the control standing in its place, or the next one in the page, gets it.
import { expect, html } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import { SLOW, cardLoaded, completeAuthorization, mount, part, providerPage, serve, until } from './helpers.js';

describe('focus after a connect or re-connect that worked', function () {
  this.timeout(SLOW);
  let popup: FakePopup | undefined;
  afterEach(() => popup?.restore());

  it('card: from Connect to Connection settings', async () => {
    const endpoint = await serve([googleAds([])]);
    const page = mount(html`<data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>`);
    const card = page.querySelector('data-source-card')!;
    await cardLoaded(card);
    popup = installFakePopup();
    part(card, 'connect-button')!.focus();
    part(card, 'connect-button')!.click();
    completeAuthorization(endpoint, popup, await providerPage(popup));
    await until(() => part(card, 'settings-button'), 'connected');
    await card.updateComplete;
    expect(card.shadowRoot!.activeElement).to.equal(part(card, 'settings-button'));
  });

  it("card: a failure's Re-connect, once mended, hands focus to Connection settings", async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))]);
    const page = mount(html`<data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>`);
    const card = page.querySelector('data-source-card')!;
    await until(() => part(card, 'reconnect-button'), 'the failure');
    popup = installFakePopup();
    part(card, 'reconnect-button')!.focus();
    part(card, 'reconnect-button')!.click();
    completeAuthorization(endpoint, popup, await providerPage(popup));
    await until(() => !part(card, 'reconnect-button'), 'mended');
    await card.updateComplete;
    expect(card.shadowRoot!.activeElement).to.equal(part(card, 'settings-button'));
  });

  it('banner: gone once mended, focus goes on to what follows it in the page', async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))]);
    const page = mount(html`<data-source-provider endpoint="/api">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <button id="next">Next on the page</button>
    </data-source-provider>`);
    const banner = page.querySelector('reconnect-banner')!;
    await until(() => part(banner, 'reconnect-button'), 'the banner');
    popup = installFakePopup();
    part(banner, 'reconnect-button')!.focus();
    part(banner, 'reconnect-button')!.click();
    completeAuthorization(endpoint, popup, await providerPage(popup));
    await until(() => !part(banner, 'banner'), 'mended');
    await banner.updateComplete;
    expect(document.activeElement).to.equal(page.querySelector('#next'));
  });
});

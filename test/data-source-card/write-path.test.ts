// The code that changes connections loads on first use. A Connect clicked before it arrived
// still opens the pop-up in the click; when that code cannot load (offline), the sign-in stops,
// the card says so with Retry, and the host hears why. Its own file: the page must not have
// loaded that code yet.
import { expect, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { installFakePopup, type FakePopup } from '../../mocks/popup.js';
import { NetworkError } from '../../src/api/errors.js';
import type { DswErrorEvent } from '../../src/events/error.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';
import { SLOW, button, cardLoaded, part, text, underProvider, until } from './helpers.js';

describe('data-source-card: the write path, loaded on first use', function () {
  this.timeout(SLOW);
  let popup: FakePopup | undefined;
  afterEach(() => popup?.restore());

  it("a Connect whose code cannot load: the pop-up opened in the click closes, the card says so with Retry, a dsw-error", async () => {
    const endpoint = mockEndpoint([googleAds([])]);
    // The module of the write path does not arrive (offline), everything else does.
    await useHandlers(http.get(/\/controllers\/connection-actions\.[jt]s/, () => HttpResponse.error()), ...endpoint.handlers);
    const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>`);
    const el = provider.querySelector('data-source-card')!;
    await cardLoaded(el);
    popup = installFakePopup();
    const failed = new Promise<DswErrorEvent>((resolve) => el.addEventListener('dsw-error', resolve, { once: true }));

    part(el, 'connect-button')!.click();
    expect(popup.opened, 'the pop-up opens in the click').to.have.length(1);
    // The stand-in pop-up is a frame, which `close()` leaves open: count the calls instead.
    let closes = 0;
    popup.window!.close = () => void closes++;
    await el.updateComplete;
    expect(part(el, 'connect-button')!.getAttribute('aria-busy')).to.equal('true');

    const event = await failed;
    expect(event.detail.action).to.equal('connect');
    expect(event.detail.error).to.be.instanceOf(NetworkError);
    await until(() => closes > 0, 'the pop-up closed');
    await until(() => part(el, 'connect-button')!.getAttribute('aria-busy') === 'false', 'the button no longer busy');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.contain('could not start');
    expect(button(el, 'Retry'), 'Retry offered').to.exist;
    await expect(el).to.be.accessible();

    // Back online: Retry is a new click, which opens the pop-up again and loads the code.
    await useHandlers(...endpoint.handlers);
    button(el, 'Retry')!.click();
    expect(popup.opened).to.have.length(2);
    await until(() => requestsTo('POST').length === 1, 'the sign-in started');
  });
});

// No wait longer than 3 s without saying what is happening and offering a way forward.
import { expect, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { googleAds } from '../../mocks/data.js';
import { en } from '../../src/strings/en.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';
import { SLOW, part, serve, text, underProvider, until } from './helpers.js';

async function card() {
  const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>`);
  return provider.querySelector('data-source-card')!;
}

describe('data-source-card: long faults', function () {
  this.timeout(SLOW);

  it('a 429 with a long Retry-After says when it tries again, at once, and Retry now does not wait', async () => {
    await useHandlers(
      http.get('/api/data-sources/:id', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '40' } })),
    );
    const started = Date.now();
    const el = await card();
    await until(() => part(el, 'retry-button'), 'Retry shown', 2000);
    expect(Date.now() - started, 'no skeleton for the Retry-After').to.be.below(2000);
    expect(text(part(el, 'summary'))).to.match(new RegExp(`^${en.loadFailed} Retrying in (40|39) s…$`));
    expect(text(part(el, 'retry-button'))).to.equal(en.retryNow);
    await expect(el).to.be.accessible();

    await serve([googleAds([])]);
    part(el, 'retry-button')!.click();
    await until(() => text(part(el, 'summary')) === en.notConnected, 'loaded at once');
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(1);
  });

  it('a load that takes more than 3 s says so and offers Retry', async () => {
    await serve([googleAds([])], { latency: 'infinite' });
    const el = await card();
    expect(part(el, 'retry-button')).to.equal(null);
    await until(() => part(el, 'retry-button'), 'Retry after 3 s', 4500);
    expect(text(part(el, 'summary'))).to.equal(en.stillLoading);
    await expect(el).to.be.accessible();
  });
});

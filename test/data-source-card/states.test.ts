import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { connections, expiredGrant, googleAds } from '../../mocks/data.js';
import type { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import { en } from '../../src/strings/en.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';
import { visible } from '../helpers/text.js';
import { SLOW, cardLoaded, mount, part, serve, text, underProvider, until } from './helpers.js';

async function card(): Promise<DataSourceCard> {
  const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>`);
  return provider.querySelector('data-source-card')!;
}

describe('data-source-card: states', function () {
  this.timeout(SLOW);
  it('shows a skeleton while loading, busy, with the loaded height', async () => {
    await serve([googleAds([])], { latency: 'infinite' });
    const provider = mount(html`<div style="inline-size: 420px">
      <data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>
    </div>`);
    const el = provider.querySelector('data-source-card')!;
    await el.updateComplete;
    expect(part(el, 'card')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('.skeleton')).to.have.length(3);
    expect(text(part(el, 'name'))).to.equal('Loading…');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
    const loadingHeight = el.getBoundingClientRect().height;

    await serve([googleAds([])]);
    const loaded = mount(html`<div style="inline-size: 420px">
      <data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>
    </div>`);
    const other = loaded.querySelector('data-source-card')!;
    await cardLoaded(other);
    expect(other.getBoundingClientRect().height).to.equal(loadingHeight);
  });

  it('not connected: "Not connected" and a primary Connect button', async () => {
    await serve([googleAds([])]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'name'))).to.equal('Google Ads');
    expect(text(part(el, 'summary'))).to.equal('Not connected');
    const connect = part(el, 'connect-button')!;
    expect(text(connect)).to.equal('Connect');
    expect(connect.classList.contains('primary')).to.equal(true);
    expect(part(el, 'settings-button')).to.equal(null);
    expect(part(el, 'failures')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('one account: "1 account" and a pink Connection settings button', async () => {
    await serve([googleAds(connections(1))]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('1 account');
    const settings = part(el, 'settings-button')!;
    expect(text(settings)).to.equal('Connection settings');
    expect(settings.classList.contains('settings')).to.equal(true);
    expect(getComputedStyle(settings).backgroundColor).to.equal('rgb(190, 24, 93)');
    expect(part(el, 'connect-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('many accounts: counts them', async () => {
    await serve([googleAds(connections(4))]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('4 accounts');
    expect(part(el, 'failures')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('some in error: the summary says so and the message shows with a red Re-connect', async () => {
    await serve([googleAds(connections(3, [1]))]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('3 accounts, 1 needs attention');
    expect(text(part(el, 'failure-account'))).to.equal('Account 2');
    expect(text(part(el, 'failure-message'))).to.equal(expiredGrant.message);
    const reconnect = part(el, 'reconnect-button')!;
    expect(text(reconnect)).to.equal('Re-connect');
    expect(visible(reconnect.getAttribute('aria-label'))).to.equal('Re-connect Account 2: Google Ads');
    expect(getComputedStyle(reconnect).backgroundColor).to.equal('rgb(185, 28, 28)');
    expect(part(el, 'pager')).to.equal(null);
    // Still Connection settings: the other accounts work.
    expect(part(el, 'settings-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('all in error: pages through the failures, wrapping around', async () => {
    await serve([googleAds(connections(2, [0, 1]))]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('2 accounts, 2 need attention');
    expect(text(part(el, 'pager'))).to.equal('1 of 2');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Next account"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'failure-account'))).to.equal('Account 2');
    expect(text(part(el, 'pager'))).to.equal('2 of 2');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Next account"]')!.click();
    await el.updateComplete;
    expect(text(part(el, 'failure-account'))).to.equal('Account 1');
  });

  it('endpoint unreachable: says so, Retry loads again', async () => {
    await useHandlers(http.get('/api/data-sources/:id', () => HttpResponse.error()));
    const el = await card();
    // The client retries a failed read three times with backoff before giving up.
    await until(() => part(el, 'retry-button'), 'retry shown', 5000);
    // The fault lasts: the card says so, and when it will try again by itself.
    expect(text(part(el, 'summary'))).to.equal(`${en.endpointUnreachable} ${en.retryingIn(5)}`);
    expect(text(part(el, 'retry-button'))).to.equal(en.retryNow);
    expect(text(part(el, 'name'))).to.equal('google-ads');
    await expect(el).to.be.accessible();

    await serve([googleAds(connections(1))]);
    part(el, 'retry-button')!.click();
    await until(() => text(part(el, 'summary')) === '1 account', 'loaded after retry');
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(1);
  });

  it('a failed refresh of data shown: the data stays, a quiet line says so, Retry loads again', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await card();
    await cardLoaded(el);
    expect(part(el, 'stale')).to.equal(null);
    const store = el.closest<DataSourceProvider>('data-source-provider')!.store!;

    // A revalidation in the background (window focus, another widget's write) fails.
    await serve([googleAds(connections(2, [1]))], { failWith: 500 });
    await store.load('google-ads', { force: true })!.catch(() => {});
    await until(() => part(el, 'stale'), 'stale line shown');
    const stale = part(el, 'stale')!;
    expect(text(stale)).to.equal(`${en.revalidateFailed} ${en.retryingIn(5)} ${en.retryNow}`);
    // Everything shown before is still there, and nothing shouts.
    expect(text(part(el, 'summary'))).to.equal('2 accounts, 1 needs attention');
    expect(part(el, 'settings-button')).to.exist;
    expect(part(el, 'failure')).to.exist;
    expect(stale.closest('[role="alert"], [role="status"], [aria-live]')).to.equal(null);
    expect(getComputedStyle(stale).color).to.equal(getComputedStyle(part(el, 'summary')!).color);
    const retry = stale.querySelector('button')!;
    expect(retry.matches('[part~="retry-button"]')).to.equal(true);
    expect(retry.getAttribute('aria-describedby')).to.equal('stale-text');
    expect(retry.getBoundingClientRect().height).to.be.at.least(24);
    await expect(el).to.be.accessible();

    // Retry goes through the controller: a forced load, which succeeds this time.
    await serve([googleAds(connections(3, [1]))]);
    retry.focus();
    retry.click();
    await until(() => !part(el, 'stale'), 'stale line gone');
    expect(text(part(el, 'summary'))).to.equal('3 accounts, 1 needs attention');
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(1);
    // The focused Retry went with the line: focus stays in the card, on its own action.
    expect(el.shadowRoot!.activeElement === part(el, 'settings-button'), 'focus on Connection settings').to.equal(true);
  });

  it('a Retry that fails again keeps the line (busy while it loads)', async () => {
    await serve([googleAds(connections(1))]);
    const el = await card();
    await cardLoaded(el);
    const store = el.closest<DataSourceProvider>('data-source-provider')!.store!;
    await serve([googleAds(connections(1))], { failWith: 500, latency: 100 });
    await store.load('google-ads', { force: true })!.catch(() => {});
    await until(() => part(el, 'stale'), 'stale line shown');
    const retry = part(el, 'stale')!.querySelector('button')!;
    retry.click();
    await until(() => retry.getAttribute('aria-busy') === 'true', 'busy while it loads');
    await until(() => retry.getAttribute('aria-busy') === 'false', 'done');
    expect(part(el, 'stale')).to.exist;
    expect(text(part(el, 'summary'))).to.equal('1 account');
  });

  it('a server error: "could not be loaded" with Retry, and a dsw-error event', async () => {
    await serve([googleAds([])], { failWith: 500 });
    const errors: Event[] = [];
    const provider = await underProvider(html`<data-source-card
      source="google-ads"
      @dsw-error=${(e: Event) => errors.push(e)}
    ></data-source-card>`);
    const el = provider.querySelector('data-source-card')!;
    await until(() => part(el, 'retry-button'), 'retry shown');
    expect(text(part(el, 'summary'))).to.equal(`${en.loadFailed} ${en.retryingIn(5)}`);
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('unauthorized: asks to sign in again', async () => {
    await serve([googleAds([])], { failWith: 401 });
    const el = await card();
    await until(() => part(el, 'retry-button'), 'retry shown');
    expect(text(part(el, 'summary'))).to.equal('Your session has expired. Sign in again, then retry.');
    await expect(el).to.be.accessible();
  });

  it('unknown source (404): says it is not available, and offers Retry', async () => {
    await serve([googleAds([])]);
    const provider = await underProvider(html`<data-source-card source="tiktok-ads"></data-source-card>`);
    const el = provider.querySelector('data-source-card')!;
    await cardLoaded(el);
    expect(text(part(el, 'name'))).to.equal('tiktok-ads');
    expect(text(part(el, 'summary'))).to.equal('This data source is not available.');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => text(b))).to.deep.equal(['Retry']);
    await expect(el).to.be.accessible();
  });

  it('without provider nor endpoint: says no endpoint is configured', async () => {
    const el = await fixture<DataSourceCard>(html`<data-source-card source="google-ads"></data-source-card>`);
    expect(text(part(el, 'summary'))).to.equal('No endpoint is configured for this widget.');
    await expect(el).to.be.accessible();
  });

  it('server text is text: markup in a name or message is not parsed', async () => {
    await serve([
      {
        id: 'google-ads',
        name: '<img src=x onerror="window.__pwned=1">Ads',
        connections: connections(1).map((c) => ({
          ...c,
          status: 'error' as const,
          error: { code: 'x', message: '<b>bold</b>' },
        })),
      },
    ]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'name'))).to.equal('<img src=x onerror="window.__pwned=1">Ads');
    expect(part(el, 'name')!.querySelector('img')).to.equal(null);
    expect(part(el, 'failure-message')!.querySelector('b')).to.equal(null);
  });
});

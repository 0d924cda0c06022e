// An account expiring soon: the banner reminds, calmer than a failure, and a dismissal lasts
// until the next local day (a failure's lasts the session).
import { expect, html } from '@open-wc/testing';
import { connection, expiredGrant, expiringConnection, googleAds } from '../../mocks/data.js';
import { forgetExpiryAnnouncements } from '../../src/controllers/expiry.js';
import { localDay } from '../../src/reconnect-banner/dismissals.js';
import { en } from '../../src/strings/en.js';
import { SLOW, part, serve, text, underProvider, until } from '../data-source-card/helpers.js';

const KEY = 'dsw-reconnect-banner:expiring-dismissed:google-ads';

async function banner() {
  const provider = await underProvider(html`<reconnect-banner source="google-ads"></reconnect-banner>`);
  return provider.querySelector('reconnect-banner')!;
}

describe('reconnect-banner: accounts expiring soon', function () {
  this.timeout(SLOW);
  beforeEach(() => {
    forgetExpiryAnnouncements();
    localStorage.removeItem(KEY);
    sessionStorage.clear();
  });

  it('reminds in the warning tone, with when and an outlined Re-connect', async () => {
    await serve([googleAds([connection(0), expiringConnection(1, 5)])]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'the reminder');
    expect(text(part(el, 'title'))).to.equal(`Google Ads ${en.bannerExpiringTitle('Account 2')}`);
    expect(text(part(el, 'failure-message'))).to.equal(en.expiringMessage('in 5 days'));
    const reconnect = part(el, 'reconnect-button')!;
    expect(reconnect.classList.contains('warning')).to.equal(true);
    expect(reconnect.classList.contains('danger')).to.equal(false);
    expect(getComputedStyle(part(el, 'banner')!).borderInlineStartColor).to.equal('rgb(180, 83, 9)');
    await expect(el).to.be.accessible();
  });

  it('shows a failure first; the reminder only when nothing fails', async () => {
    await serve([googleAds([connection(0, { status: 'error', error: expiredGrant }), expiringConnection(1, 3)])]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'the banner');
    expect(part(el, 'banner')!.classList.contains('failing')).to.equal(true);
    expect(text(part(el, 'title'))).to.contain(en.bannerTitle('Account 1'));
  });

  it('dismissed for today only: gone now, back on the next local day', async () => {
    await serve([googleAds([connection(0), expiringConnection(1, 5)])]);
    const el = await banner();
    await until(() => part(el, 'banner'), 'the reminder');
    part(el, 'dismiss-button')!.click();
    await until(() => !part(el, 'banner'), 'dismissed');
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ day: localDay(Date.now()), ids: ['conn_2'] });

    // The same page tomorrow: the dismissal was yesterday's.
    localStorage.setItem(KEY, JSON.stringify({ day: localDay(Date.now() - 86_400_000), ids: ['conn_2'] }));
    el.closest('data-source-provider')!.remove();
    const again = await banner();
    await until(() => part(again, 'banner'), 'reminded again the next day');
  });
});

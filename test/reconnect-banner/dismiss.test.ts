import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { connections, expiredGrant, googleAds } from '../../mocks/data.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import type { ReconnectBanner } from '../../src/reconnect-banner/reconnect-banner.js';
import { storageKey } from '../../src/reconnect-banner/dismissals.js';
import { SLOW, part, serve, until } from '../data-source-card/helpers.js';

async function mount(): Promise<{ provider: DataSourceProvider; el: ReconnectBanner }> {
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <reconnect-banner source="google-ads"></reconnect-banner>
  </data-source-provider>`);
  return { provider, el: provider.querySelector('reconnect-banner')! };
}

const dismissButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Dismiss"]');

describe('reconnect-banner: dismiss for the session', function () {
  this.timeout(SLOW);
  beforeEach(() => sessionStorage.clear());

  it('hides it and keeps it hidden after a reload of the page', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const { el } = await mount();
    await until(() => part(el, 'banner'), 'banner shown');
    dismissButton(el)!.click();
    await el.updateComplete;
    expect(part(el, 'banner')).to.equal(null);
    expect(el.matches(':state(shown)')).to.equal(false);
    expect(JSON.parse(sessionStorage.getItem(storageKey('google-ads'))!)).to.deep.equal(['conn_2']);

    // A new page in the same session: a fresh provider and banner, the same failure.
    const again = await mount();
    await until(() => again.provider.store!.get('google-ads').status === 'ready', 'loaded');
    await aTimeout(20);
    expect(part(again.el, 'banner')).to.equal(null);
  });

  it('shows it again when another connection fails', async () => {
    const endpoint = await serve([googleAds(connections(3, [1]))]);
    const { provider, el } = await mount();
    await until(() => part(el, 'banner'), 'banner shown');
    dismissButton(el)!.click();
    await el.updateComplete;

    const third = endpoint.sources.get('google-ads')!.connections[2]!;
    Object.assign(third, { status: 'error', error: expiredGrant });
    await provider.store!.reload('google-ads');
    await until(() => part(el, 'banner'), 'banner shown again');
    expect(part(el, 'title')!.textContent).to.contain('2 accounts need to be re-connected');
  });

  it('forgets a dismissed connection once it works again, so failing anew shows the banner', async () => {
    const endpoint = await serve([googleAds(connections(2, [1]))]);
    const { provider, el } = await mount();
    await until(() => part(el, 'banner'), 'banner shown');
    dismissButton(el)!.click();
    await el.updateComplete;

    const second = endpoint.sources.get('google-ads')!.connections[1]!;
    Object.assign(second, { status: 'active', error: undefined });
    await provider.store!.reload('google-ads');
    await el.updateComplete;
    expect(sessionStorage.getItem(storageKey('google-ads'))).to.equal(null);

    Object.assign(second, { status: 'error', error: expiredGrant });
    await provider.store!.reload('google-ads');
    await until(() => part(el, 'banner'), 'banner shown again');
  });

  it('a dismissal of one data source leaves the others alone', async () => {
    await serve([googleAds(connections(2, [1])), { id: 'hubspot', name: 'HubSpot', connections: connections(1, [0]) }]);
    const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <reconnect-banner source="hubspot"></reconnect-banner>
    </data-source-provider>`);
    const [ads, hubspot] = provider.querySelectorAll('reconnect-banner');
    await until(() => part(ads!, 'banner') && part(hubspot!, 'banner'), 'both shown');
    dismissButton(ads!)!.click();
    await ads!.updateComplete;
    expect(part(ads!, 'banner')).to.equal(null);
    expect(part(hubspot!, 'banner')).to.exist;
  });
});

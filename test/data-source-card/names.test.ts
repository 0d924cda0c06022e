// Buttons repeated on a page say where they act: "Connection settings for Google Ads", while the
// visible text stays "Connection settings" (and stays inside the name, WCAG label in name).
import { expect, html } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { visible } from '../helpers/text.js';
import { SLOW, cardLoaded, part, serve, text, underProvider } from './helpers.js';

describe('data-source-card: names that say where they act', function () {
  this.timeout(SLOW);

  it('Connect and Connection settings carry their data source in their accessible name', async () => {
    await serve([googleAds([]), { ...googleAds(connections(1)), id: 'facebook-ads', name: 'Facebook Ads' }]);
    const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>`);
    const [google, facebook] = [...provider.querySelectorAll('data-source-card')];
    await cardLoaded(google!);
    await cardLoaded(facebook!);
    expect(text(part(google!, 'connect-button'))).to.equal('Connect');
    expect(visible(part(google!, 'connect-button')!.getAttribute('aria-label'))).to.equal('Connect Google Ads');
    expect(text(part(facebook!, 'settings-button'))).to.equal('Connection settings');
    expect(visible(part(facebook!, 'settings-button')!.getAttribute('aria-label'))).to.equal('Connection settings for Facebook Ads');
    await expect(provider).to.be.accessible();
  });

  it('a host that renames the button but not its label keeps the visible text as the name', async () => {
    await serve([googleAds([])]);
    const provider = await underProvider(html`<data-source-card source="google-ads" .strings=${{ connect: 'Link account' }}></data-source-card>`);
    const card = provider.querySelector('data-source-card')!;
    await cardLoaded(card);
    expect(part(card, 'connect-button')!.hasAttribute('aria-label')).to.equal(false);
    await expect(card).to.be.accessible();
  });
});

// The autoloader registers a tag when the page first holds one, and loads only that element's
// code: a page with a banner alone fetches no card or dialog module. What the page requested is
// read from the browser's resource timing (every module the dev server served to this page).
import { expect, waitUntil } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { useHandlers } from '../helpers/msw.js';

/** Paths of the modules this page requested under src/. */
const requestedSources = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/src/'));

describe('autoloader', function () {
  this.timeout(20_000);

  it('loads the banner alone for a page with a banner alone, and the banner works', async () => {
    await useHandlers(...mockEndpoint([googleAds(connections(2, [1]))]).handlers);
    const banner = document.createElement('reconnect-banner');
    banner.setAttribute('source', 'google-ads');
    banner.setAttribute('endpoint', '/api');
    document.body.append(banner);

    await import('../../src/autoloader.js');
    await customElements.whenDefined('reconnect-banner');
    // The account in error is announced, with its re-connect button.
    await waitUntil(() => banner.shadowRoot?.querySelector('[part~="reconnect-button"]'), 'the banner shows the failing account', {
      timeout: 15_000,
    });
    expect(banner.shadowRoot!.textContent).to.include('Account 2');
    await expect(banner).to.be.accessible();

    const loaded = requestedSources();
    expect(loaded).to.include('/src/reconnect-banner/reconnect-banner.ts');
    expect(loaded.filter((path) => path.startsWith('/src/data-source-card/'))).to.deep.equal([]);
    // load.ts, the dialog's loader, is part of the banner; the dialog itself is not loaded.
    expect(loaded.filter((path) => path.startsWith('/src/connection-settings-dialog/') && !path.endsWith('/load.ts'))).to.deep.equal([]);
    expect(customElements.get('data-source-card')).to.equal(undefined);
    expect(customElements.get('data-source-provider')).to.equal(undefined);
    banner.remove();
  });

  it('registers a tag added later, inside a shadow root it can see', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    await new Promise((resolve) => setTimeout(resolve));
    expect(customElements.get('data-source-card')).to.equal(undefined);

    // Added to the shadow root after the autoloader saw it (empty) in the page.
    const card = document.createElement('data-source-card');
    card.setAttribute('source', 'google-ads');
    card.setAttribute('endpoint', '/api');
    root.append(card);
    await customElements.whenDefined('data-source-card');
    await waitUntil(() => card.shadowRoot?.querySelector('[part~="summary"]')?.textContent?.includes('account'), 'the card shows its accounts', {
      timeout: 15_000,
    });
    expect(requestedSources()).to.include('/src/data-source-card/data-source-card.ts');
    host.remove();
  });
});

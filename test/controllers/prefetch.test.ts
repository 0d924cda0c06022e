// The pop-up flow and the settings dialog load when the user points at or focuses a button that
// needs them, not with the page. In this page nothing else imports them, so the module requests
// the dev server sees are theirs.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/data-source-card.js';
import '../../src/define/data-source-provider.js';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { useHandlers } from '../helpers/msw.js';

const loaded = (path: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(path));
const part = (host: Element, name: string) => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('prefetch on intent', function () {
  this.timeout(10_000);

  it('pointing at Connect loads the pop-up flow; focusing Connection settings loads the dialog', async () => {
    // A sign-in left under way in this tab would load the flow at once, to watch it (late.ts).
    sessionStorage.clear();
    await useHandlers(...mockEndpoint([googleAds([]), { ...googleAds(connections(2)), id: 'facebook-ads', name: 'Facebook Ads' }]).handlers);
    const page = await fixture(html`<data-source-provider endpoint="/api">
      <data-source-card source="google-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>
    </data-source-provider>`);
    const [empty, connected] = [...page.querySelectorAll('data-source-card')];
    await waitUntil(() => part(empty!, 'connect-button') && part(connected!, 'settings-button'), 'both cards loaded');
    expect(loaded('/src/auth/authorize.ts'), 'flow loaded with the page').to.equal(false);
    expect(loaded('/src/connection-settings-dialog/connection-settings-dialog.ts'), 'dialog loaded with the page').to.equal(false);

    part(empty!, 'connect-button')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await waitUntil(() => loaded('/src/auth/authorize.ts'), 'the flow to load on pointing', { timeout: 5000 });
    expect(loaded('/src/connection-settings-dialog/connection-settings-dialog.ts')).to.equal(false);

    // As focus would fire it (a page in the background gets no real focus events).
    part(connected!, 'settings-button')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await waitUntil(() => loaded('/src/connection-settings-dialog/connection-settings-dialog.ts'), 'the dialog to load on focus', { timeout: 5000 });
    await waitUntil(() => customElements.get('connection-settings-dialog'), 'the dialog registered by its loader', { timeout: 5000 });
  });
});

import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { connections, expiredGrant, googleAds } from '../../mocks/data.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import type { ReconnectBanner } from '../../src/reconnect-banner/reconnect-banner.js';
import { storageKey } from '../../src/reconnect-banner/dismissals.js';
import { SLOW, button, part, serve, until } from '../data-source-card/helpers.js';

async function mount(): Promise<{ provider: DataSourceProvider; el: ReconnectBanner }> {
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <reconnect-banner source="google-ads"></reconnect-banner>
  </data-source-provider>`);
  return { provider, el: provider.querySelector('reconnect-banner')! };
}

const dismissButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label*="Dismiss"]');

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

describe('reconnect-banner: focus after Dismiss', function () {
  this.timeout(SLOW);
  beforeEach(() => sessionStorage.clear());

  /** The page around one google-ads banner; resolves once the banner shows. */
  async function page(around: { before?: TemplateResult; after?: TemplateResult }): Promise<{ root: HTMLElement; el: ReconnectBanner }> {
    await serve([googleAds(connections(2, [1]))]);
    const root = await fixture<HTMLElement>(html`<div>
      ${around.before ?? ''}
      <data-source-provider endpoint="/api">
        <reconnect-banner source="google-ads"></reconnect-banner>
        ${around.after ?? ''}
      </data-source-provider>
    </div>`);
    const el = root.querySelector('reconnect-banner')!;
    await until(() => part(el, 'banner'), 'banner shown');
    return { root, el };
  }

  /** The focused element, inside shadow roots too. */
  function deepActive(): Element | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** Asserts focus is on `expected`; names both on failure (not whole DOM nodes). */
  function expectFocusOn(expected: Element | null | undefined): void {
    const name = (e: Element | null | undefined) =>
      !e || e === document.body ? String(e?.localName ?? e) : `<${e.localName}> "${e.textContent?.trim() ?? ''}"`;
    const active = deepActive();
    expect(active === expected, `focus is on ${name(active)}, expected ${name(expected)}`).to.equal(true);
  }

  /** Dismiss as a keyboard user does: focus on it, Enter. */
  async function dismissByKeyboard(el: ReconnectBanner): Promise<void> {
    dismissButton(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'banner'), 'dismissed').to.equal(null);
  }

  it('moves focus to the next focusable element after the banner, skipping what cannot take it', async () => {
    const { root, el } = await page({
      before: html`<button>Before</button>`,
      after: html`<button disabled>Disabled</button><button hidden>Hidden</button><a tabindex="-1" href="#x">Not in the tab order</a>
        <a id="next" href="#next">Next</a>`,
    });
    await dismissByKeyboard(el);
    expectFocusOn(root.querySelector('#next'));
  });

  it('finds it inside the next widget\'s shadow root', async () => {
    const { root, el } = await page({ after: html`<data-source-card source="google-ads"></data-source-card>` });
    const card = root.querySelector('data-source-card')!;
    await until(() => button(card, 'Connection settings'), 'card ready');
    await dismissByKeyboard(el);
    // The card's first control in reading order (its header comes before its inline failure).
    expectFocusOn(button(card, 'Connection settings'));
  });

  it('moves focus to the previous focusable element when nothing follows', async () => {
    const { root, el } = await page({ before: html`<a id="previous" href="#previous">Previous</a>` });
    await dismissByKeyboard(el);
    expectFocusOn(root.querySelector('#previous'));
  });

  it('leaves focus alone when it was not in the banner', async () => {
    const { root, el } = await page({ before: html`<input aria-label="Search" />`, after: html`<a href="#next">Next</a>` });
    const input = root.querySelector('input')!;
    input.focus();
    // A mouse click that does not focus the button (Safari).
    dismissButton(el)!.click();
    await el.updateComplete;
    expect(part(el, 'banner')).to.equal(null);
    expectFocusOn(input);
  });
});

import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { TemplateResult } from 'lit';
import { connections, googleAds } from '../../mocks/data.js';
import { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import { ReconnectBanner } from '../../src/reconnect-banner/reconnect-banner.js';
import { useHandlers } from '../helpers/msw.js';
import { SLOW, cardLoaded, mount, part, serve, text, until } from './helpers.js';

async function loaded(template: TemplateResult): Promise<DataSourceCard> {
  const root = mount(template);
  const el = root.querySelector('data-source-card')!;
  await cardLoaded(el);
  return el;
}

const background = (el: Element | null) => getComputedStyle(el!).backgroundColor;

describe('data-source-card: white-label', function () {
  this.timeout(SLOW);
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('shows the logo resolved against the endpoint, and initials when it fails', async () => {
    const endpoint = await serve([{ ...googleAds([]), logoUrl: 'logos/missing.svg' }]);
    // The logo fails, but late enough for the test to see the image first.
    const lateFailure = http.get('/api/logos/missing.svg', async () => {
      await delay(300);
      return new HttpResponse(null, { status: 404 });
    });
    await useHandlers(lateFailure, ...endpoint.handlers);
    const el = await loaded(html`<data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>`);
    const image = part(el, 'logo-image') as HTMLImageElement;
    expect(image.getAttribute('src')).to.equal(`${location.origin}/api/logos/missing.svg`);
    expect(image.alt).to.equal('');
    await until(() => part(el, 'initials'), 'initials after the image failed');
    expect(text(part(el, 'initials'))).to.equal('GA');
    await expect(el).to.be.accessible();
  });

  it('a slotted logo replaces the image; slotted actions sit before the card\'s button', async () => {
    await serve([{ ...googleAds([]), logoUrl: 'logos/google-ads.svg' }]);
    const el = await loaded(html`<data-source-provider endpoint="/api">
      <data-source-card source="google-ads">
        <span slot="logo" id="brand">★</span>
        <a slot="actions" id="docs" href="#docs">Docs</a>
      </data-source-card>
    </data-source-provider>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="logo"]')!;
    expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['brand']);
    // The host's logo shows, and neither fallback (the image, or initials once it failed) does.
    expect(el.querySelector<HTMLElement>('#brand')!.checkVisibility()).to.equal(true);
    const fallbacks = [part(el, 'logo-image'), part(el, 'initials')].filter((e) => e !== null);
    expect(fallbacks.filter((e) => e.checkVisibility())).to.deep.equal([]);
    const docs = el.querySelector('#docs')!.getBoundingClientRect();
    expect(docs.right).to.be.at.most(part(el, 'connect-button')!.getBoundingClientRect().left);
    expect(part(el, 'actions')!.contains(el.shadowRoot!.querySelector('slot[name="actions"]'))).to.equal(true);
  });

  it('takes colours and spacing from --dsw-* properties, and parts can be restyled', async () => {
    await serve([googleAds([])]);
    const el = await loaded(html`<div>
      <style>
        .branded data-source-card::part(connect-button) {
          border-radius: 0px;
        }
      </style>
      <data-source-provider endpoint="/api" class="branded" style="--dsw-color-primary: rgb(1, 2, 3); --dsw-card-padding: 3px">
        <data-source-card source="google-ads"></data-source-card>
      </data-source-provider>
    </div>`);
    const connect = part(el, 'connect-button')!;
    expect(background(connect)).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(connect).borderRadius).to.equal('0px');
    expect(getComputedStyle(part(el, 'card')!).paddingTop).to.equal('3px');
  });

  it('theme="dark" switches to the dark tokens; theme="light" wins over the OS', async () => {
    await serve([googleAds(connections(1))]);
    const el = await loaded(html`<data-source-provider endpoint="/api" style="color-scheme: light dark">
      <data-source-card source="google-ads" theme="dark"></data-source-card>
    </data-source-provider>`);
    expect(background(part(el, 'card'))).to.equal('rgb(17, 24, 39)');
    expect(background(part(el, 'settings-button'))).to.equal('rgb(219, 39, 119)');

    el.theme = 'light';
    await el.updateComplete;
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(part(el, 'card'))).to.equal('rgb(255, 255, 255)');
    el.theme = undefined;
    await el.updateComplete;
    expect(background(part(el, 'card'))).to.equal('rgb(17, 24, 39)');
    await expect(el).to.be.accessible();
  });

  it('follows the color-scheme of the page around it: dark only where the page said it can be', async () => {
    await serve([googleAds(connections(1))]);
    const root = mount(html`<div id="says-nothing"><data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider></div>
      <div id="light-dark" style="color-scheme: light dark">
        <data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>
        <div id="light-only" style="color-scheme: light; background: #fff7ed; --dsw-color-surface: #fff7ed">
          <data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>
        </div>
      </div>`);
    const cardIn = (id: string) => root.querySelector(`#${id} > data-source-provider > data-source-card`)!;
    for (const card of root.querySelectorAll('data-source-card')) await cardLoaded(card);
    await emulateMedia({ colorScheme: 'dark' });
    const textColour = (id: string) => getComputedStyle(part(cardIn(id), 'name')!).color;
    // A page that never declared dark support is light: its white-label backgrounds likely are too.
    expect(background(part(cardIn('says-nothing'), 'card'))).to.equal('rgb(255, 255, 255)');
    expect(textColour('says-nothing')).to.equal('rgb(17, 24, 39)');
    // A page that did follows the OS.
    expect(background(part(cardIn('light-dark'), 'card'))).to.equal('rgb(17, 24, 39)');
    expect(textColour('light-dark')).to.equal('rgb(249, 250, 251)');
    // A light-only box inside it (a brand background) keeps the light text on its light surface.
    expect(background(part(cardIn('light-only'), 'card'))).to.equal('rgb(255, 247, 237)');
    expect(textColour('light-only')).to.equal('rgb(17, 24, 39)');
    await expect(root).to.be.accessible();
  });

  it('mirrors under dir="rtl"', async () => {
    await serve([googleAds(connections(2, [1]))]);
    const el = await loaded(html`<div dir="rtl" style="inline-size: 480px">
      <data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>
    </div>`);
    const logo = part(el, 'logo')!.getBoundingClientRect();
    const name = part(el, 'name')!.getBoundingClientRect();
    const button = part(el, 'settings-button')!.getBoundingClientRect();
    expect(logo.left).to.be.greaterThan(name.right);
    expect(button.right).to.be.lessThan(name.left);
    const failures = getComputedStyle(part(el, 'failures')!);
    expect(failures.borderRightWidth).to.equal('3px');
    expect(failures.borderLeftWidth).to.equal('0px');
  });

  it('texts come from the strings property over the provider, heading level from heading-level', async () => {
    await serve([googleAds([])]);
    const el = await loaded(html`<data-source-provider endpoint="/api" .strings=${{ connect: 'Link', notConnected: 'Nothing yet' }}>
      <data-source-card source="google-ads" heading-level="2" .strings=${{ connect: 'Link account' }}></data-source-card>
    </data-source-provider>`);
    expect(text(part(el, 'connect-button'))).to.equal('Link account');
    expect(text(part(el, 'summary'))).to.equal('Nothing yet');
    expect(part(el, 'name')!.getAttribute('aria-level')).to.equal('2');
  });

  it('both elements carry forced-colors rules', () => {
    for (const element of [DataSourceCard, ReconnectBanner]) {
      const media = element.elementStyles
        .flatMap((style) => [...(style instanceof CSSStyleSheet ? style : style.styleSheet!).cssRules])
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
        .filter((rule) => rule.conditionText === '(forced-colors: active)');
      const selectors = media.flatMap((rule) => [...rule.cssRules].map((r) => (r as CSSStyleRule).selectorText));
      expect(selectors, element.name).to.include(element === DataSourceCard ? '.card' : '.banner');
    }
  });
});

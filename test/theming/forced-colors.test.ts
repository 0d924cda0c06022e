// Forced colours (Windows high-contrast themes) replace every author colour with a few system
// ones, and drop backgrounds: what was told apart by colour alone disappears. With the mode
// emulated (a server command, see web-test-runner.config.mjs), the widgets must stay usable:
// buttons keep a border and the focus a ring, states keep their words and icons, the sort mark
// still points, and the loading placeholders still show.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/define/connection-settings-dialog.js';
import { connections, googleAds, type MockSource } from '../../mocks/data.js';
import { mockEndpoint, type MockOptions } from '../../mocks/endpoint.js';
import { useHandlers } from '../helpers/msw.js';

const notConnected: MockSource = { id: 'facebook-ads', name: 'Facebook Ads', connections: [] };

async function page(options: MockOptions = {}): Promise<HTMLElement> {
  await useHandlers(...mockEndpoint([googleAds(connections(4, [1, 3])), notConnected], options).handlers);
  return fixture<HTMLElement>(html`<data-source-provider endpoint="/api">
    <button id="before">Before</button>
    <reconnect-banner source="google-ads"></reconnect-banner>
    <data-source-card source="google-ads"></data-source-card>
    <data-source-card source="facebook-ads"></data-source-card>
  </data-source-provider>`);
}

const shadow = (root: Element, selector: string) => root.querySelector(selector)!.shadowRoot!;

/** What a system colour resolves to in the current palette. */
function system(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

const transparent = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
/** Waits for `find` to return an element, and returns it (open-wc's waitUntil returns nothing). */
async function found<T extends Element>(find: () => T | null | undefined, what: string): Promise<T> {
  await waitUntil(() => find(), what);
  return find()!;
}

const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';

async function openDialog(options: MockOptions = {}): Promise<ShadowRoot> {
  await useHandlers(...mockEndpoint([googleAds(connections(4, [1, 3]))], options).handlers);
  const provider = await fixture<HTMLElement>(html`<data-source-provider endpoint="/api">
    <connection-settings-dialog source="google-ads" open></connection-settings-dialog>
  </data-source-provider>`);
  return shadow(provider, 'connection-settings-dialog');
}

describe('forced colours', function () {
  this.timeout(15_000);

  before(async () => {
    await executeServerCommand('forced-colors', { active: true });
  });
  after(async () => {
    await executeServerCommand('forced-colors', { active: false });
  });

  it('is emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('every button of the card, the banner and the dialog keeps a visible border', async () => {
    const root = await page();
    await waitUntil(() => shadow(root, 'reconnect-banner').querySelector('[part~="pager"]'), 'banner with its pager');
    await waitUntil(() => shadow(root, 'data-source-card[source="facebook-ads"]').querySelector('[part~="connect-button"]'), 'cards loaded');
    const dialog = await openDialog();
    await waitUntil(() => dialog.querySelector('[part~="row"]'), 'rows');
    const roots = ['reconnect-banner', 'data-source-card[source="google-ads"]', 'data-source-card[source="facebook-ads"]'].map((s) => shadow(root, s));
    const buttons = [...roots, dialog].flatMap((r) => [...r.querySelectorAll('button')]).filter(shown);
    expect(buttons.length, 'buttons checked').to.be.greaterThan(15);
    const borderless = buttons
      .filter((b) => {
        const style = getComputedStyle(b);
        return style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) < 1 || transparent(style.borderTopColor);
      })
      .map((b) => b.getAttribute('part') ?? b.className);
    expect(borderless, 'buttons without a visible border').to.deep.equal([]);
  });

  it('the focused button has a ring in the highlight colour', async () => {
    const root = await page();
    const card = root.querySelector('data-source-card[source="facebook-ads"]')!;
    const connect = await found(() => card.shadowRoot!.querySelector<HTMLElement>('[part~="connect-button"]'), 'connect');
    // Focus through the keyboard, so that :focus-visible applies as it does for a user.
    root.querySelector<HTMLElement>('#before')!.focus();
    for (let i = 0; i < 12 && card.shadowRoot!.activeElement !== connect; i++) await sendKeys({ press: 'Tab' });
    expect(card.shadowRoot!.activeElement).to.equal(connect);
    const style = getComputedStyle(connect);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(style.outlineColor).to.equal(system('Highlight'));
  });

  it('states keep their words and their icons, drawn in a system colour', async () => {
    const root = await page();
    const card = shadow(root, 'data-source-card[source="google-ads"]');
    const banner = shadow(root, 'reconnect-banner');
    await waitUntil(() => card.querySelector('[part~="summary"] svg') && banner.querySelector('[part~="banner"]'), 'failure shown');
    const dialog = await openDialog();
    await waitUntil(() => dialog.querySelector('[part~="row"]'), 'rows');

    const canvas = system('Canvas');
    const icons = [card.querySelector('[part~="summary"] svg')!, banner.querySelector('[part~="icon"] svg, .warning svg')!];
    for (const status of dialog.querySelectorAll('.status')) {
      expect(status.textContent!.trim(), 'status word').to.match(/\w/);
      icons.push(status.querySelector('svg')!);
    }
    expect(icons.length).to.equal(2 + 4);
    for (const icon of icons) {
      expect(shown(icon), 'icon shown').to.equal(true);
      const { color } = getComputedStyle(icon);
      expect(transparent(color) || color === canvas, `icon colour ${color}`).to.equal(false);
    }
    // The card's and the banner's warning icons: the text colour, not a red the palette drops.
    expect(getComputedStyle(icons[0]!).color).to.equal(system('CanvasText'));
    expect(getComputedStyle(icons[1]!).color).to.equal(system('CanvasText'));
  });

  it('the sort mark is drawn and points, ascending and descending', async () => {
    const dialog = await openDialog();
    const sort = await found(() => dialog.querySelector<HTMLButtonElement>('[part~="sort-button"][data-sort="account"]'), 'sort button');
    await waitUntil(() => dialog.querySelector('[part~="row"]'), 'rows');
    const buttonText = system('ButtonText');
    for (const [direction, side] of [
      ['ascending', 'borderBottom'],
      ['descending', 'borderTop'],
    ] as const) {
      sort.click();
      const mark = await found(() => dialog.querySelector<HTMLElement>(`.sort-mark.${direction}`), `${direction} mark`);
      const style = getComputedStyle(mark);
      expect(style[`${side}Style`], direction).to.equal('solid');
      expect(parseFloat(style[`${side}Width`]), direction).to.be.greaterThan(0);
      expect(style[`${side}Color`], direction).to.equal(buttonText);
      // A triangle, not a box: the sides stay transparent.
      expect(transparent(style.borderLeftColor) && transparent(style.borderRightColor), `${direction}: sides`).to.equal(true);
    }
  });

  it('the loading placeholders of the card and the dialog stay visible', async () => {
    const root = await page({ latency: 'infinite' });
    const card = shadow(root, 'data-source-card[source="google-ads"]');
    const bar = await found(() => card.querySelector('.skeleton'), 'card skeleton');
    const grayText = system('GrayText');
    expect(getComputedStyle(bar).backgroundColor).to.equal(grayText);

    const dialog = await openDialog({ latency: 'infinite' });
    const row = await found(() => dialog.querySelector('.skeleton'), 'dialog skeleton');
    const style = getComputedStyle(row);
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopColor).to.equal(grayText);
  });
});

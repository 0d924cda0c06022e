// Whatever the host page does, the widgets keep their look: a hostile stylesheet (universal and
// element rules, !important, a tiny root font size) leaves every part where it was and its text
// as it was; 10,000-character names and names carrying a right-to-left override neither widen
// anything nor reorder the sentences they stand in. Card, banner, dialog and confirmation.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/define/connection-settings-dialog.js';
import type { Connection } from '../../src/api/types.js';
import { connection, expiredGrant, googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { hostileStylesheet } from '../../mocks/hostile-page.js';
import { useHandlers } from '../helpers/msw.js';

const HOSTILE = hostileStylesheet();

type Widget = 'card' | 'banner' | 'dialog' | 'confirmation';

/** Every element with a part in `root`'s shadow tree: its box relative to `origin`, and its text style. */
function snapshot(host: Element, origin: Element): Record<string, string> {
  const base = origin.getBoundingClientRect();
  const result: Record<string, string> = {};
  host.shadowRoot!.querySelectorAll('[part]').forEach((el, i) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    result[`${i}:${el.getAttribute('part')}`] = [
      Math.round(box.left - base.left),
      Math.round(box.top - base.top),
      Math.round(box.width),
      Math.round(box.height),
      style.fontFamily,
      style.fontSize,
      style.fontStyle,
      style.lineHeight,
      style.letterSpacing,
      style.textTransform,
      style.color,
      style.backgroundColor,
    ].join(' | ');
  });
  return result;
}

async function show(widget: Widget, connections: Connection[]): Promise<{ host: HTMLElement; origin: Element }> {
  await useHandlers(...mockEndpoint([googleAds(connections)]).handlers);
  const tag = widget === 'card' ? 'data-source-card' : widget === 'banner' ? 'reconnect-banner' : 'connection-settings-dialog';
  const page = await fixture<HTMLElement>(
    html`<div lang="en" style="inline-size: 100%"><data-source-provider endpoint="/api"></data-source-provider></div>`,
  );
  const host = document.createElement(tag);
  host.setAttribute('source', 'google-ads');
  // Where the page puts the widget, and how wide, is the page's business: fixed here, so that
  // what is compared is what the widget draws inside.
  host.style.inlineSize = '576px';
  page.querySelector('data-source-provider')!.append(host);
  const shadow = () => host.shadowRoot!;
  if (widget === 'card') await waitUntil(() => shadow().querySelector('[part~="failure"]'), 'card loaded');
  if (widget === 'banner') await waitUntil(() => shadow().querySelector('[part~="banner"]'), 'banner shown');
  if (widget === 'dialog' || widget === 'confirmation') {
    (host as HTMLElement & { open: boolean }).open = true;
    await waitUntil(() => shadow().querySelector('[part~="row"]'), 'rows shown');
  }
  if (widget === 'confirmation') {
    shadow().querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await waitUntil(() => shadow().querySelector<HTMLDialogElement>('#confirm')?.open, 'confirmation open');
  }
  const origin = widget === 'dialog' ? shadow().querySelector('#dialog')! : widget === 'confirmation' ? shadow().querySelector('#confirm')! : host;
  return { host, origin };
}

const widgets: Widget[] = ['card', 'banner', 'dialog', 'confirmation'];
const failing = (name: string) => [connection(0, { accountName: name, status: 'error', error: expiredGrant }), connection(1)];

describe('the host page cannot restyle the widgets', function () {
  this.timeout(20_000);
  let sheet: HTMLStyleElement | undefined;
  afterEach(async () => {
    sheet?.remove();
    sheet = undefined;
    await setViewport({ width: 800, height: 600 });
  });

  for (const widget of widgets) {
    it(`${widget}: a hostile stylesheet leaves every part's box and text style as it was`, async () => {
      const { host, origin } = await show(widget, failing('Account 1'));
      const plain = snapshot(host, origin);
      sheet = document.createElement('style');
      sheet.textContent = HOSTILE;
      document.head.append(sheet);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(snapshot(host, origin)).to.deep.equal(plain);
      expect(Object.keys(plain).length, 'parts measured').to.be.greaterThan(3);
    });
  }
});

describe('names from the endpoint cannot break the layout or reorder the text', function () {
  this.timeout(30_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [320, 1280]) {
    for (const widget of widgets) {
      it(`${widget} at ${width} px: a 10,000-character name widens nothing`, async () => {
        await setViewport({ width, height: 800 });
        const short = await show(widget, failing('Account 1'));
        const expected = [short.origin.scrollWidth, short.origin.clientWidth];
        const tableWidth = short.host.shadowRoot!.querySelector('[part~="table-container"]')?.scrollWidth;
        short.host.closest('div')!.remove();

        const { host, origin } = await show(widget, failing('W'.repeat(10_000)));
        expect([origin.scrollWidth, origin.clientWidth]).to.deep.equal(expected);
        expect(host.shadowRoot!.querySelector('[part~="table-container"]')?.scrollWidth).to.equal(tableWidth);
        // Nothing inside reaches past the element's own edges.
        const bounds = origin.getBoundingClientRect();
        for (const el of host.shadowRoot!.querySelectorAll('[part]')) {
          const box = el.getBoundingClientRect();
          const inside = origin === host || origin.contains(el);
          if (!inside || !box.width || el.closest('[part~="table-container"]')) continue;
          expect(box.right, el.getAttribute('part')!).to.be.at.most(bounds.right + 1);
          expect(box.left, el.getAttribute('part')!).to.be.at.least(bounds.left - 1);
        }
      });
    }
  }

  it('a right-to-left override in a name stays inside the name, in every sentence', async () => {
    // Left to right, "(1000000000) will stop sending data" must keep its order after the name.
    const name = 'Evil\u202Eelif';
    const { host } = await show('confirmation', failing(name));
    const sentence = host.shadowRoot!.querySelector('#confirm-text')!;
    const textNode = [...sentence.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('will'))!;
    const x = (word: string) => {
      const range = document.createRange();
      const start = textNode.textContent!.indexOf(word);
      range.setStart(textNode, start);
      range.setEnd(textNode, start + word.length);
      return range.getBoundingClientRect().left;
    };
    expect(x('will')).to.be.lessThan(x('stop'));
    expect(x('stop')).to.be.lessThan(x('sending'));
    // The name is isolated in the text itself, so labels and announcements carry it safely too.
    expect(sentence.textContent).to.contain(`\u2068${name}\u2069`);
    const trash = host.shadowRoot!.querySelector('[part~="delete-button"]')!;
    expect(trash.getAttribute('aria-label')).to.contain(`\u2068${name}\u2069`);
  });
});

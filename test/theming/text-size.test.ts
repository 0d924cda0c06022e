// At 200 % text size (the browser's own setting, which changes the default font size the widgets
// are sized from; not page zoom) every element keeps its text inside its box, on a 320 px wide
// screen (WCAG 1.4.10 reflow) and a 1,280 px one (1.4.4 resize text): cards in each state, the
// banner with its pager and the dialog. The table may scroll sideways inside the dialog: data
// tables are the reflow exception; its cells still hold their text.
import { expect, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/define/connection-settings-dialog.js';
import { connection, connections, googleAds, type MockSource } from '../../mocks/data.js';
import { cardLoaded, mount, serve } from '../data-source-card/helpers.js';

const longName = 'Northwind Outfitters International Holdings – Europe, Middle East and Africa';
const sources: MockSource[] = [
  googleAds([...connections(3, [1, 2]), connection(3, { accountName: longName })]),
  { id: 'facebook-ads', name: 'Facebook Ads', connections: [] },
  { ...googleAds(connections(1)), id: 'linkedin-ads', name: 'LinkedIn Ads' },
];

/** The elements of a shadow root and of the shadow roots inside it. */
function* deep(root: ShadowRoot): Generator<HTMLElement> {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

const hiddenText = (el: Element) => el.closest('.visually-hidden, [aria-hidden="true"] .visually-hidden') !== null;

/** What overflows its box, sideways (any element) or downwards (a control or a badge), as "tag.class: by N px". */
function overflowing(widgets: Element[]): string[] {
  const found: string[] = [];
  for (const widget of widgets) {
    for (const el of deep(widget.shadowRoot!)) {
      if (!el.checkVisibility() || hiddenText(el) || el.clientWidth === 0) continue;
      const style = getComputedStyle(el);
      // A box that scrolls shows what overflows it; and the table's own wrappers (the reflow exception).
      if (/auto|scroll/.test(style.overflowX) || el.querySelector('table') || el.localName === 'table') continue;
      const what = `${widget.localName} ${el.localName}.${[...el.classList].join('.')}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''}`;
      const sideways = el.scrollWidth - el.clientWidth;
      if (sideways > 1) found.push(`${what}: ${sideways} px wider`);
      const control = el.matches('button, .badge, .status, input');
      const clamped = el.matches('.clamp') || style.webkitLineClamp !== 'none';
      const downwards = el.scrollHeight - el.clientHeight;
      if (control && !clamped && downwards > 1) found.push(`${what}: ${downwards} px taller`);
    }
    // The widget itself inside the viewport.
    const box = widget.localName === 'connection-settings-dialog' ? widget.shadowRoot!.querySelector('dialog')!.getBoundingClientRect() : widget.getBoundingClientRect();
    if (box.right > innerWidth + 1 || box.left < -1) found.push(`${widget.localName}: outside the viewport (${box.left}–${box.right})`);
  }
  return found;
}

describe('200 % text size', function () {
  this.timeout(30_000);

  before(async () => {
    await executeServerCommand('text-size', { standard: 32 });
  });
  after(async () => {
    await executeServerCommand('text-size', { standard: 16 });
    await setViewport({ width: 800, height: 600 });
  });

  it('is set: the default font size doubled', () => {
    const probe = document.createElement('p');
    probe.style.fontSize = 'medium';
    document.body.append(probe);
    expect(getComputedStyle(probe).fontSize).to.equal('32px');
    probe.remove();
  });

  for (const width of [320, 1280]) {
    it(`keeps the text of the cards, the banner and the dialog inside their boxes at ${width} px`, async () => {
      await setViewport({ width, height: 900 });
      await serve(sources);
      const page = mount(html`<data-source-provider endpoint="/api">
        <reconnect-banner source="google-ads"></reconnect-banner>
        <data-source-card source="google-ads"></data-source-card>
        <data-source-card source="facebook-ads"></data-source-card>
        <data-source-card source="linkedin-ads"></data-source-card>
      </data-source-provider>`);
      for (const card of page.querySelectorAll('data-source-card')) await cardLoaded(card);
      const banner = page.querySelector('reconnect-banner')!;
      await waitUntil(() => banner.shadowRoot!.querySelector('[part~="pager"]'), 'the banner with its pager');
      const widgets = [banner, ...page.querySelectorAll('data-source-card')];
      expect(overflowing(widgets), 'cards and banner').to.deep.equal([]);

      const dialogPage = mount(html`<data-source-provider endpoint="/api">
        <connection-settings-dialog source="google-ads" open></connection-settings-dialog>
      </data-source-provider>`);
      const dialog = dialogPage.querySelector('connection-settings-dialog')!;
      await waitUntil(() => dialog.shadowRoot!.querySelector('tr[data-id]'), 'rows');
      await dialog.updateComplete;
      expect(overflowing([dialog]), 'dialog').to.deep.equal([]);
      (dialog as HTMLElement & { open: boolean }).open = false;
    });
  }
});

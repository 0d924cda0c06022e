// Render figures of <connection-settings-dialog> with 500 and 1,000 accounts, logged, never
// asserted (timings on a shared 2-core machine say little as pass/fail).
//   npx wtr --config bench/dialog.wtr.config.mjs
// Each figure is the best of RUNS runs (on a shared machine the slower runs measure the
// neighbours): "lit" is from the action to Lit's updateComplete (opening includes the layout
// that showModal's focusing forces), "+layout" adds a forced style and layout, "frame" runs
// until the frame after that (paint included).
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/connection-settings-dialog.js';
import '../src/define/data-source-provider.js';
import { connections, googleAds } from '../mocks/data.js';
import { mockEndpoint } from '../mocks/endpoint.js';
import type { ConnectionSettingsDialog } from '../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceProvider } from '../src/data-source-provider/data-source-provider.js';
import { useHandlers } from '../test/helpers/msw.js';

const RUNS = 7;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
// The fastest of several runs: on a shared machine the slower ones measure the neighbours.
const best = (values: number[]) => Math.min(...values);
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Figure {
  script: number;
  frame: number;
  /** Of `script`, the part until Lit finished (the rest is style and layout). */
  lit?: number;
}

async function measure(el: ConnectionSettingsDialog, action: () => unknown): Promise<Figure> {
  const start = performance.now();
  await action();
  await el.updateComplete;
  const lit = performance.now() - start;
  void el.shadowRoot!.querySelector('[part="dialog"]')!.getBoundingClientRect().height; // style + layout
  const script = performance.now() - start;
  await frame();
  return { script, frame: performance.now() - start, lit };
}

async function repeated(runs: number, once: () => Promise<Figure>): Promise<Figure> {
  const figures: Figure[] = [];
  for (let i = 0; i < runs; i++) figures.push(await once());
  return {
    script: best(figures.map((f) => f.script)),
    frame: best(figures.map((f) => f.frame)),
    lit: best(figures.map((f) => f.lit ?? 0)),
  };
}

async function mount(count: number) {
  const endpoint = mockEndpoint([googleAds(connections(count, [3, Math.floor(count / 2)]))]);
  await useHandlers(...endpoint.handlers);
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <connection-settings-dialog source="google-ads" locale="en-US"></connection-settings-dialog>
  </data-source-provider>`);
  const el = provider.querySelector('connection-settings-dialog')!;
  // The element started the load when it connected; wait for it rather than start another.
  await waitUntil(() => provider.store!.get('google-ads').status === 'ready', 'no data', { timeout: 10_000 });
  return { el, provider };
}

const results: string[] = [];

function report(label: string, figure: Figure): void {
  const line = `${label.padEnd(56)} lit ${ms(figure.lit ?? 0).padStart(9)}  +layout ${ms(figure.script).padStart(9)}  frame ${ms(figure.frame).padStart(9)}`;
  results.push(line);
  console.log(line);
}

async function typeFilter(el: ConnectionSettingsDialog, value: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

describe('connection-settings-dialog render benchmark', () => {
  after(() => console.log(`\n${navigator.userAgent}\n${results.join('\n')}`));

  for (const count of [500, 1000]) {
    it(`${count} accounts`, async () => {
      const { el, provider } = await mount(count);
      const store = provider.store!;

      report(
        `${count}: open (rows rendered from the cache)`,
        await repeated(RUNS, async () => {
          const figure = await measure(el, () => el.show());
          el.close();
          await el.updateComplete;
          await frame();
          return figure;
        }),
      );

      el.show();
      await el.updateComplete;
      await frame();

      // Created ascending is the reverse of the default order, and each click reverses it again.
      report(
        `${count}: sort by created date (every row moves)`,
        await repeated(RUNS, () =>
          measure(el, () => el.shadowRoot!.querySelector<HTMLButtonElement>('th.col-created button')!.click()),
        ),
      );

      report(
        `${count}: filter "Account 1" then clear (2 renders)`,
        await repeated(RUNS, async () => {
          const narrow = await measure(el, () => typeFilter(el, 'Account 1'));
          const wide = await measure(el, () => typeFilter(el, ''));
          return {
            script: narrow.script + wide.script,
            frame: narrow.frame + wide.frame,
            lit: (narrow.lit ?? 0) + (wide.lit ?? 0),
          };
        }),
      );

      report(
        `${count}: one row busy (refresh request starts)`,
        await repeated(RUNS, async () => {
          const id = el.shadowRoot!.querySelector<HTMLElement>('tbody tr[data-id]')!.dataset.id!;
          let done: Promise<unknown> = Promise.resolve();
          const figure = await measure(el, () => {
            done = store.refresh('google-ads', id).catch(() => {});
          });
          await done;
          await el.updateComplete;
          return figure;
        }),
      );

      report(
        `${count}: make another account main (all rows new objects)`,
        await repeated(RUNS, async () => {
          const rows = el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]');
          const id = rows[rows.length - 1].dataset.id!;
          let done: Promise<unknown> = Promise.resolve();
          const figure = await measure(el, () => {
            done = store.makeMain('google-ads', id).catch(() => {});
          });
          await done;
          await el.updateComplete;
          return figure;
        }),
      );

      // content-visibility: auto on the rows: CSS containment does not apply to internal table
      // boxes, so Chrome should skip none of them. Its state-change event says whether it does.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('tbody tr { content-visibility: auto; contain-intrinsic-size: auto 3.25rem; }');
      el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
      let skipped = 0;
      const onState = (event: Event) => {
        if ((event as Event & { skipped?: boolean }).skipped) skipped++;
      };
      el.shadowRoot!.addEventListener('contentvisibilityautostatechange', onState, true);
      el.close();
      await el.updateComplete;
      await frame();
      report(
        `${count}: open, rows with content-visibility:auto`,
        await repeated(RUNS, async () => {
          const figure = await measure(el, () => el.show());
          await frame();
          el.close();
          await el.updateComplete;
          await frame();
          return figure;
        }),
      );
      results.push(`${count}: rows skipped by content-visibility:auto: ${skipped}`);
    });
  }
});

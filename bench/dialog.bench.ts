// Render figures of <connection-settings-dialog> with 100 to 50,000 accounts, logged, never
// asserted (timings on a shared 2-core machine say little as pass/fail).
//   npx wtr --config bench/dialog.wtr.config.mjs
// Each figure is the best of its runs (on a shared machine the slower runs measure the
// neighbours): "lit" is from the action to Lit's updateComplete (opening includes the layout
// that showModal's focusing forces), "+layout" adds a forced style and layout, "frame" runs
// until the frame after that (paint included). The first run of a sort or a filter is logged
// too: it alone pays for the caches (search text, sort keys) that later runs reuse.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/connection-settings-dialog.js';
import '../src/define/data-source-provider.js';
import { connections, googleAds } from '../mocks/data.js';
import { mockEndpoint } from '../mocks/endpoint.js';
import type { ConnectionSettingsDialog } from '../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceProvider } from '../src/data-source-provider/data-source-provider.js';
import { useHandlers } from '../test/helpers/msw.js';

const COUNTS = [100, 1000, 10_000, 50_000];
/** Fewer runs of the big tables: each costs seconds when every row is rendered. */
const runsFor = (count: number) => (count >= 10_000 ? 3 : 7);
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const best = (values: number[]) => Math.min(...values);
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Figure {
  script: number;
  frame: number;
  /** Of `script`, the part until Lit finished (the rest is style and layout). */
  lit: number;
}

const scroller = (el: ConnectionSettingsDialog) => el.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;

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

const sum = (a: Figure, b: Figure): Figure => ({ script: a.script + b.script, frame: a.frame + b.frame, lit: a.lit + b.lit });

async function repeated(runs: number, once: () => Promise<Figure>): Promise<{ best: Figure; first: Figure }> {
  const figures: Figure[] = [];
  for (let i = 0; i < runs; i++) figures.push(await once());
  const pick = (key: keyof Figure) => best(figures.map((f) => f[key]));
  return { best: { script: pick('script'), frame: pick('frame'), lit: pick('lit') }, first: figures[0] };
}

async function mount(count: number) {
  const endpoint = mockEndpoint([googleAds(connections(count, [3, Math.floor(count / 2)]))]);
  await useHandlers(...endpoint.handlers);
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <connection-settings-dialog source="google-ads" locale="en-US"></connection-settings-dialog>
  </data-source-provider>`);
  const el = provider.querySelector('connection-settings-dialog')!;
  // The element started the load when it connected; wait for it rather than start another.
  await waitUntil(() => provider.store!.get('google-ads').status === 'ready', 'no data', { timeout: 60_000 });
  return { el, provider };
}

const results: string[] = [];

function line(label: string, figure: Figure): string {
  return `${label.padEnd(58)} lit ${ms(figure.lit).padStart(9)}  +layout ${ms(figure.script).padStart(9)}  frame ${ms(figure.frame).padStart(9)}`;
}

function report(label: string, { best, first }: { best: Figure; first: Figure }, withFirst = false): void {
  for (const text of [line(label, best), ...(withFirst ? [line(`${label} [first run]`, first)] : [])]) {
    results.push(text);
    console.log(text);
  }
}

async function typeFilter(el: ConnectionSettingsDialog, value: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

/**
 * Scrolling: `work` is one scroll step's script, style and layout (scrollTop set, the scroll
 * event handled, the update done, layout forced); `frames` the mean and worst time between
 * animation frames while the table scrolls by `step` pixels a frame (paint included; a
 * display at 60 Hz makes 16.7 ms the floor).
 */
async function scrolling(el: ConnectionSettingsDialog, step: number, steps: number) {
  const body = scroller(el);
  body.scrollTop = 0;
  await frame();
  const work: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    body.scrollTop += step;
    body.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    void body.querySelector('table')?.offsetHeight;
    work.push(performance.now() - start);
    await frame();
  }
  body.scrollTop = 0;
  await frame();
  const intervals: number[] = [];
  await new Promise<void>((resolve) => {
    let last = performance.now();
    let left = steps;
    const tick = (now: number) => {
      intervals.push(now - last);
      last = now;
      body.scrollTop += step;
      if (--left > 0) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { work: mean(work), workMax: Math.max(...work), frame: mean(intervals), frameMax: Math.max(...intervals) };
}

describe('connection-settings-dialog render benchmark', () => {
  after(() => console.log(`\n${navigator.userAgent}\n${results.join('\n')}`));

  for (const count of COUNTS) {
    it(`${count} accounts`, async () => {
      const runs = runsFor(count);
      const { el, provider } = await mount(count);
      const store = provider.store!;

      report(
        `${count}: open (rows rendered from the cache)`,
        await repeated(runs, async () => {
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
      const header = (key: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`th.col-${key} button`)!;

      // Created ascending is the reverse of the default order, and each click reverses it again.
      report(
        `${count}: sort by created date (every row moves)`,
        await repeated(runs, () => measure(el, () => header('created').click())),
        true,
      );
      report(
        `${count}: sort by account name (collator)`,
        await repeated(runs, () => measure(el, () => header('account').click())),
        true,
      );

      report(
        `${count}: filter "Account 1" then clear (2 renders)`,
        await repeated(runs, async () => sum(await measure(el, () => typeFilter(el, 'Account 1')), await measure(el, () => typeFilter(el, '')))),
        true,
      );

      report(
        `${count}: one row busy (refresh request starts)`,
        await repeated(runs, async () => {
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
        await repeated(runs, async () => {
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

      if (count >= 1000) {
        for (const step of [120, 2000]) {
          const s = await scrolling(el, step, 120);
          const text = `${count}: scroll ${step} px a frame, 120 frames`.padEnd(58) +
            ` work ${ms(s.work)} (max ${ms(s.workMax)})  frame ${ms(s.frame)} (max ${ms(s.frameMax)})`;
          results.push(text);
          console.log(text);
        }
      }
      results.push(`${count}: <tr> in the DOM while open: ${el.shadowRoot!.querySelectorAll('tr').length}`);
      el.close();
      await el.updateComplete;
    });
  }
});

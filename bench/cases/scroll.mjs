// Scrolling 10,000 rows: the table's scroll container moved a fixed step every frame for ~2 s;
// the deltas between requestAnimationFrame timestamps say how often a frame was late.
import { alternate } from '../lib/alternate.mjs';
import { mean, median, percentile, ms, ratio, markdownTable } from '../lib/stats.mjs';

export async function scrollCase({ page, gc, runs, rows = 10_000, duration = 2000 }) {
  await page.evaluate((rows) => benchLib.mountDialogs(rows), rows);
  const n = Math.min(runs, 3);
  const samples = await alternate({ runs: n, gc, label: 'scroll' }, (side) =>
    page.evaluate(({ side, duration }) => benchLib.scrollRun(side, duration), { side, duration }),
  );
  await page.evaluate(() => benchLib.clear());
  const figure = (side, pick) => median(samples[side].map(pick));
  const row = (label, pick, format, target) => {
    const w = figure('widgets', pick);
    const b = figure('baseline', pick);
    return [label, format(w), format(b), ratio(w, b), target];
  };
  const count = (v) => v.toFixed(0);
  return markdownTable(`Scrolling ${rows.toLocaleString('en')} rows for ${duration / 1000} s, 40 px per frame (median of ${n} runs)`, [
    row('mean frame delta', (s) => mean(s.deltas), ms, '16.7 ms = every 60 Hz frame'),
    row('p95 frame delta', (s) => percentile(s.deltas, 95), ms, '16.7 ms = every 60 Hz frame'),
    row('worst frame delta', (s) => Math.max(...s.deltas), ms, '—'),
    row('frames in the run', (s) => s.deltas.length, count, '—'),
  ]);
}

// Cards: attach → every card settled (its data rendered), widgets under a provider with the
// in-page fake endpoint vs plain cards handed their data; the per-card cost at each size; and
// the requests the widgets made (deterministic: one batched GET per 100 data sources).
import { alternate } from '../lib/alternate.mjs';
import { median, ms, ratio, markdownTable } from '../lib/stats.mjs';

const sizes = [100, 500, 2000];

export async function cardsCase({ page, gc, runs }) {
  const timeRows = [];
  const requestRows = [];
  const perCard = {};
  for (const size of sizes) {
    const samples = await alternate({ runs, gc, label: `cards ${size}` }, (side) =>
      page.evaluate(({ side, size }) => (side === 'widgets' ? benchLib.widgetCards(size) : benchLib.plainCards(size)), { side, size }),
    );
    const w = median(samples.widgets.map((s) => s.ms));
    const b = median(samples.baseline.map((s) => s.ms));
    perCard[size] = { w: w / size, b: b / size };
    timeRows.push([`attach → all settled, ${size.toLocaleString('en')} cards`, ms(w), ms(b), ratio(w, b), '—']);
    timeRows.push([`per card, ${size.toLocaleString('en')} cards`, `${(w / size).toFixed(3)} ms`, `${(b / size).toFixed(3)} ms`, ratio(w, b), '—']);
    const counts = new Set(samples.widgets.map((s) => s.requests));
    requestRows.push([
      `requests, ${size.toLocaleString('en')} cards`,
      [...counts].join(' / '),
      '0 (data handed over)',
      'n/a',
      `${Math.ceil(size / 100)} (1 per 100 sources)`,
    ]);
  }
  const scaleW = perCard[2000].w / perCard[100].w;
  const scaleB = perCard[2000].b / perCard[100].b;
  timeRows.push(['per-card cost, 2,000 vs 100 cards', `${scaleW.toFixed(2)}×`, `${scaleB.toFixed(2)}×`, ratio(scaleW, scaleB), '≤ 1.2× (widgets)']);
  return [
    markdownTable(`Cards: attach → every card settled (median of ${runs})`, timeRows),
    markdownTable('Cards: requests (deterministic)', requestRows),
  ].join('\n');
}

// Memory: 2,000 cards of each side attached and settled, then a forced GC (CDP), minus the same
// page empty after a forced GC. JS heap is V8's; the embedder heap is Blink's (DOM, styles).
import { alternate } from '../lib/alternate.mjs';
import { median, mb, ratio, markdownTable } from '../lib/stats.mjs';

export async function memoryCase({ page, cdp, gc, runs, cards = 2000 }) {
  const measure = async () => {
    // Twice: a first GC can leave objects whose finalizers free more on the second.
    await gc();
    await gc();
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { js: heap.usedSize, embedder: heap.embedderHeapUsedSize ?? NaN, nodes: dom.nodes };
  };
  await page.evaluate(() => benchLib.clear());
  const empty = await measure();
  const n = Math.min(runs, 3);
  const samples = await alternate({ runs: n, gc, label: 'memory' }, async (side) => {
    await page.evaluate(({ side, cards }) => (side === 'widgets' ? benchLib.widgetCards(cards) : benchLib.plainCards(cards)), { side, cards });
    const full = await measure();
    await page.evaluate(() => benchLib.clear());
    return { js: full.js - empty.js, embedder: full.embedder - empty.embedder, nodes: full.nodes - empty.nodes };
  });
  const row = (label, key, format, target) => {
    const w = median(samples.widgets.map((s) => s[key]));
    const b = median(samples.baseline.map((s) => s[key]));
    return [label, format(w), format(b), ratio(w, b), target];
  };
  const kb = (bytes) => `${(bytes / 1024 / cards).toFixed(2)} KB`;
  const perCard = (v) => (v / cards).toFixed(1);
  return markdownTable(`Memory: ${cards.toLocaleString('en')} cards after a forced GC, empty page subtracted (median of ${n})`, [
    row('JS heap (V8 used)', 'js', mb, '≤ 2× baseline'),
    row('JS heap per card', 'js', kb, '—'),
    row('embedder heap (Blink: DOM, style)', 'embedder', mb, '—'),
    row('DOM nodes per card (incl. shadow)', 'nodes', perCard, '—'),
  ]);
}

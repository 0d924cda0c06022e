#!/usr/bin/env node
// Where the JS heap of a page of cards goes: 2,000 widget cards (unminified production build, so
// class names read), a forced GC, a heap snapshot, and the retained self size summed by
// constructor, with the empty page's subtracted. `node bench/heap-cards.mjs` prints the top 30.
import { buildProfileBundle } from './lib/bundles.mjs';
import { openBenchPage } from './lib/page.mjs';

const cards = 2000;
const { browser, page, cdp, gc } = await openBenchPage({ widgets: await buildProfileBundle(), baseline: null });

async function byConstructor() {
  await gc();
  await gc();
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const snapshot = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const sizes = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    if (type === 'hidden' || type === 'synthetic') continue;
    const name = `${type}: ${type === 'object' || type === 'closure' ? snapshot.strings[snapshot.nodes[i + nameAt]] : ''}`;
    const entry = sizes.get(name) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[i + sizeAt];
    sizes.set(name, entry);
  }
  return sizes;
}

await page.evaluate(() => benchLib.clear());
const empty = await byConstructor();
await page.evaluate((cards) => benchLib.widgetCards(cards), cards);
const full = await byConstructor();
const rows = [...full].map(([name, { count, bytes }]) => {
  const before = empty.get(name) ?? { count: 0, bytes: 0 };
  return { name, count: count - before.count, bytes: bytes - before.bytes };
});
rows.sort((a, b) => b.bytes - a.bytes);
const total = rows.reduce((sum, row) => sum + row.bytes, 0);
console.log(`| what | objects per card | bytes per card |\n| --- | ---: | ---: |`);
for (const row of rows.slice(0, 30)) console.log(`| ${row.name} | ${(row.count / cards).toFixed(1)} | ${(row.bytes / cards).toFixed(0)} |`);
console.log(`| total | | ${(total / cards).toFixed(0)} |`);
await browser.close();

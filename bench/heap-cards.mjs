#!/usr/bin/env node
// Where the JS heap of a page of cards goes: 2,000 widget cards (unminified production build, so
// class names read), then 2,000 plain baseline cards, each after a forced GC: V8's used size and a
// heap snapshot's self sizes summed by constructor, the empty page's subtracted.
// `node bench/heap-cards.mjs` prints both sides' totals and the widgets' top 30 (`TOP=60` for more).
//
// Reading it: Lit's production names are mangled (`_k` ChildPart, `H` AttributePart, `z`
// EventPart, `R` TemplateInstance in this build). The snapshot files the JS wrappers of DOM
// nodes (every node a Lit part points at) and the elements' own fields under Blink's native
// nodes, left out here: V8's used size minus the snapshot's total is about that.
import { buildBaseline, buildProfileBundle } from './lib/bundles.mjs';
import { openBenchPage } from './lib/page.mjs';

const cards = 2000;
const top = Number(process.env.TOP ?? 30);
const { browser, page, cdp, gc } = await openBenchPage({ widgets: await buildProfileBundle(), baseline: await buildBaseline() });

async function collected() {
  await gc();
  await gc();
}

async function byConstructor() {
  await collected();
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
    if (type === 'native' || type === 'synthetic') continue;
    const named = type === 'object' || type === 'closure' || type === 'array';
    const name = `${type}: ${named ? snapshot.strings[snapshot.nodes[i + nameAt]].replace(/ @\d+$/, '') : ''}`;
    const entry = sizes.get(name) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[i + sizeAt];
    sizes.set(name, entry);
  }
  return sizes;
}

async function usedSize() {
  await collected();
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

await page.evaluate(() => benchLib.clear());
const emptyUsed = await usedSize();
const empty = await byConstructor();
const sides = {};
for (const side of ['widgets', 'baseline']) {
  await page.evaluate(({ side, cards }) => (side === 'widgets' ? benchLib.widgetCards(cards) : benchLib.plainCards(cards)), { side, cards });
  const used = (await usedSize()) - emptyUsed;
  const rows = [...(await byConstructor())].map(([name, { count, bytes }]) => {
    const before = empty.get(name) ?? { count: 0, bytes: 0 };
    return { name, count: count - before.count, bytes: bytes - before.bytes };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  sides[side] = { used, rows, total: rows.reduce((sum, row) => sum + row.bytes, 0) };
  await page.evaluate(() => benchLib.clear());
}
const perCard = (bytes) => (bytes / cards).toFixed(0);
console.log(`| ${cards.toLocaleString('en')} cards, bytes per card | widgets | baseline | ratio |\n| --- | ---: | ---: | ---: |`);
const { widgets, baseline } = sides;
console.log(`| V8 used size | ${perCard(widgets.used)} | ${perCard(baseline.used)} | ${(widgets.used / baseline.used).toFixed(2)}× |`);
console.log(`| snapshot, JS objects | ${perCard(widgets.total)} | ${perCard(baseline.total)} | ${(widgets.total / baseline.total).toFixed(2)}× |`);
console.log(`| used − snapshot (wrappers, element fields) | ${perCard(widgets.used - widgets.total)} | ${perCard(baseline.used - baseline.total)} | |`);
console.log(`\n| widgets: what | objects per card | bytes per card |\n| --- | ---: | ---: |`);
for (const row of widgets.rows.slice(0, top)) console.log(`| ${row.name} | ${(row.count / cards).toFixed(1)} | ${perCard(row.bytes)} |`);
await browser.close();

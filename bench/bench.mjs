#!/usr/bin/env node
// Side-by-side benchmark: the library (production single-file bundle, under a provider whose
// fetch is an in-page fake endpoint) against a plain-Lit baseline with the same visible content
// (bench/baseline/), both in one page and one browser session. This machine's absolute times
// swing 2×, so every figure comes with its ratio to the baseline measured alongside it.
//
//   npm run bench                       (builds dist/, then runs this)
//   BENCH_RUNS=3 node bench/bench.mjs   runs per figure (default 7; capped at large sizes)
//   BENCH_MAX_ROWS=10000                largest dialog size (default 50000)
//   BENCH_CASES=cards,dialog            a subset of cards, dialog, scroll, memory
//
// Prints one Markdown table per case. Timings are reported, never asserted.
import { execFileSync } from 'node:child_process';
import { buildBaseline, requireWidgetsBundle } from './lib/bundles.mjs';
import { openBenchPage } from './lib/page.mjs';
import { findChrome } from '../scripts/find-chrome.mjs';
import { cardsCase } from './cases/cards.mjs';
import { dialogCase } from './cases/dialog.mjs';
import { scrollCase } from './cases/scroll.mjs';
import { memoryCase } from './cases/memory.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const maxRows = Number(process.env.BENCH_MAX_ROWS ?? 50_000);
const wanted = new Set((process.env.BENCH_CASES ?? 'cards,dialog,scroll,memory').split(','));
const dialogSizes = [100, 1000, 10_000, 50_000].filter((rows) => rows <= maxRows);

const widgets = requireWidgetsBundle();
const baseline = await buildBaseline();
const started = Date.now();
const tables = [];

async function inPage(run) {
  // A fresh browser per group: what one case leaves in the heap or the style caches does not
  // land in another's figures.
  const session = await openBenchPage({ widgets, baseline });
  try {
    return await run({ ...session, runs });
  } finally {
    await session.browser.close();
  }
}

if (wanted.has('cards')) tables.push(await inPage((ctx) => cardsCase(ctx)));
if (wanted.has('dialog')) tables.push(await inPage((ctx) => dialogCase({ ...ctx, sizes: dialogSizes })));
if (wanted.has('scroll')) tables.push(await inPage((ctx) => scrollCase(ctx)));
if (wanted.has('memory')) tables.push(await inPage((ctx) => memoryCase(ctx)));

let version = '';
try {
  version = execFileSync(findChrome(), ['--version'], { encoding: 'utf8' }).trim();
} catch {}
console.log(`## data-source-widgets vs plain Lit\n\n${version}, headless; Node ${process.version}; ${runs} runs per figure unless noted; ` +
  `ratio = widgets / baseline; ${((Date.now() - started) / 1000).toFixed(0)} s in all.\n`);
console.log(tables.join('\n'));

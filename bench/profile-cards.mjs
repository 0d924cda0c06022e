#!/usr/bin/env node
// Where the milliseconds of one attach of many cards go, measured rather than guessed:
//   npm run build && node bench/profile-cards.mjs      (CARDS=500 by default)
// 1. counts, in a page whose methods are wrapped: renders per card and what each was for,
//    requestUpdate calls, context requests, store calls and listener calls, Intl constructions
//    and other locale work, promise chaining; the plain cards alongside for scale;
// 2. a CDP CPU profile (100 µs sampling) of a warm attach → settled, on an unminified production
//    bundle: self time by function, by source module and by source location;
// 3. a Chrome trace of the same run, widgets and plain cards: main-thread time by event
//    (style recalculation, layout, paint, JavaScript, GC).
// Raw files (open them in DevTools) go to bench/.out/. Prints Markdown; see bench/PROFILE.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildBaseline, buildProfileBundle, outDir } from './lib/bundles.mjs';
import { openBenchPage } from './lib/page.mjs';
import { countLocaleWork } from './lib/page-counters.js';
import { analyzeProfile, analyzeTrace } from './lib/profile-analysis.mjs';

const cards = Number(process.env.CARDS ?? 500);
const bundle = await buildProfileBundle();
const baseline = await buildBaseline();
mkdirSync(outDir, { recursive: true });
const out = [];
const say = (text = '') => out.push(text);
const f1 = (n) => (Math.round(n * 100) / 100).toString();
const perCard = (n) => f1(n / cards);

// ---- 1. counts ----
{
  const { browser, page } = await openBenchPage({ widgets: bundle, baseline, initScript: countLocaleWork });
  await page.evaluate(async () => (await import('/counters.js')).installCounters());
  const run = (side) =>
    page.evaluate(
      async ({ side, cards }) => {
        benchCounters.reset();
        const result = side === 'widgets' ? await benchLib.widgetCards(cards) : await benchLib.plainCards(cards);
        const counts = benchCounters.take();
        benchLib.clear();
        return { ...counts, ms: result.ms, requests: result.requests };
      },
      { side, cards },
    );
  const cold = await run('widgets');
  const warm = await run('widgets');
  const plain = await run('baseline');
  await browser.close();

  say(`## Counts for ${cards} cards (attach → settled; first run in a fresh page, then a second run)`);
  say();
  say('| count | first run | second run | per card (second run) |');
  say('| --- | ---: | ---: | ---: |');
  const row = (label, a, b) => say(`| ${label} | ${a ?? 0} | ${b ?? 0} | ${perCard(b ?? 0)} |`);
  const keys = (a, b) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const tag of keys(cold.renders, warm.renders)) row(`renders of <${tag}> (LitElement.update)`, cold.renders[tag], warm.renders[tag]);
  for (const key of keys(cold.rendersBy, warm.rendersBy)) row(`&nbsp;&nbsp;render for ${key}`, cold.rendersBy[key], warm.rendersBy[key]);
  for (const tag of keys(cold.requestUpdate, warm.requestUpdate)) row(`requestUpdate() on <${tag}>`, cold.requestUpdate[tag], warm.requestUpdate[tag]);
  for (const tag of keys(cold.performUpdate, warm.performUpdate)) row(`performUpdate() on <${tag}>`, cold.performUpdate[tag], warm.performUpdate[tag]);
  for (const key of keys(cold.contextRequests, warm.contextRequests)) row(`context-request events: ${key}`, cold.contextRequests[key], warm.contextRequests[key]);
  for (const key of keys(cold.storeCalls, warm.storeCalls)) row(`ConnectionStore.${key}()`, cold.storeCalls[key], warm.storeCalls[key]);
  for (const key of keys(cold.storeSetChanges, warm.storeSetChanges)) row(`&nbsp;&nbsp;store.set({ ${key} })`, cold.storeSetChanges[key], warm.storeSetChanges[key]);
  row('store listener calls (each a requestUpdate)', cold.listenerCalls, warm.listenerCalls);
  for (const key of keys(cold.renderMsByOrdinal, warm.renderMsByOrdinal)) {
    say(`| ms in ${key} (LitElement.update: render() + commit) | ${cold.renderMsByOrdinal[key]?.toFixed(1) ?? 0} | ${warm.renderMsByOrdinal[key]?.toFixed(1) ?? 0} | ${((warm.renderMsByOrdinal[key] ?? 0) / cards).toFixed(3)} |`);
  }
  for (const key of keys(cold.locale, warm.locale)) row(key, cold.locale[key], warm.locale[key]);
  row('requests', cold.requests, warm.requests);
  say();
  say(`Plain cards, same harness (its Promise.all over ${cards} updateComplete promises is in both): ` +
    Object.entries(plain.locale).map(([k, v]) => `${k} ${v}`).join(', ') + '.');
  say(`Wall time of these instrumented runs: ${cold.ms.toFixed(0)} ms, ${warm.ms.toFixed(0)} ms (widgets), ${plain.ms.toFixed(0)} ms (plain); the wrappers slow them.`);
  say();
}

// ---- 2. CPU profile and 3. trace, in a page without wrappers ----
{
  const { browser, page, cdp, gc } = await openBenchPage({ widgets: bundle, baseline });
  const attach = (side) =>
    page.evaluate(({ side, cards }) => (side === 'widgets' ? benchLib.widgetCards(cards) : benchLib.plainCards(cards)), { side, cards });
  const fresh = async () => {
    await page.evaluate(() => benchLib.clear());
    await gc();
  };
  // Warm: the bench's medians are mostly warm runs too (JIT, template caches, Intl caches).
  await attach('widgets');
  await attach('baseline');
  await fresh();

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const profiled = await attach('widgets');
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`${outDir}/cards-${cards}.cpuprofile`, JSON.stringify(profile));
  const cpu = analyzeProfile(profile, bundle, '/widgets.js');

  // The third variant: the widgets with prefers-reduced-motion, which turns off the skeletons'
  // pulse animation: how much of the style work is those animations starting.
  const traced = {};
  for (const variant of ['widgets', 'baseline', 'widgets-reduced-motion']) {
    const side = variant === 'baseline' ? 'baseline' : 'widgets';
    await page.emulateMedia({ reducedMotion: variant === 'widgets-reduced-motion' ? 'reduce' : 'no-preference' });
    await fresh();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
    const result = await attach(side);
    const buffer = await browser.stopTracing();
    writeFileSync(`${outDir}/cards-${cards}-${variant}.trace.json`, buffer);
    traced[variant] = { ...analyzeTrace(JSON.parse(buffer.toString())), ms: result.ms };
  }
  await browser.close();

  const pct = (share) => `${(share * 100).toFixed(1)} %`;
  say(`## CPU profile: ${cards} widget cards, attach → settled (warm run, ${profiled.ms.toFixed(0)} ms wall; ${cpu.totalMs.toFixed(0)} ms sampled)`);
  say();
  say('Self time by source module of the unminified bundle ((program) is native work with no JS on the stack: style, layout, paint, parsing):');
  say();
  say('| module | self ms | share | ms per card |');
  say('| --- | ---: | ---: | ---: |');
  for (const { key, ms, share } of cpu.byModule) say(`| ${key} | ${ms.toFixed(1)} | ${pct(share)} | ${(ms / cards).toFixed(3)} |`);
  say();
  say('Self time by function:');
  say();
  say('| function | self ms | share |');
  say('| --- | ---: | ---: |');
  for (const { key, ms, share } of cpu.byFunction) say(`| ${key} | ${ms.toFixed(1)} | ${pct(share)} |`);
  say();
  say('Self time by source location:');
  say();
  say('| function — module (bundle line:column) | self ms | share |');
  say('| --- | ---: | ---: |');
  for (const { key, ms, share } of cpu.byLocation) say(`| ${key} | ${ms.toFixed(1)} | ${pct(share)} |`);
  say();
  say(`## Trace: main-thread self time by event, ${cards} cards (warm runs)`);
  say();
  say(`Widgets: ${traced.widgets.ms.toFixed(0)} ms wall, ${traced.widgets.totalMs.toFixed(0)} ms in top-level main-thread events. ` +
    `Plain: ${traced.baseline.ms.toFixed(0)} ms wall, ${traced.baseline.totalMs.toFixed(0)} ms.`);
  say();
  say(`Style recalculation touched ${traced.widgets.styledElements} elements for the widgets, ${traced.baseline.styledElements} for the plain cards (UpdateLayoutTree elementCount).`);
  say();
  say('| event | widgets ms | share | times | plain ms | share | times |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const plainBy = new Map(traced.baseline.rows.map((r) => [r.name, r]));
  const seen = new Set();
  for (const r of traced.widgets.rows.slice(0, 16)) {
    seen.add(r.name);
    const p = plainBy.get(r.name);
    say(`| ${r.name} | ${r.ms.toFixed(1)} | ${pct(r.share)} | ${r.count} | ${p ? p.ms.toFixed(1) : '0'} | ${p ? pct(p.share) : ''} | ${p?.count ?? 0} |`);
  }
  for (const p of traced.baseline.rows.slice(0, 8)) if (!seen.has(p.name)) say(`| ${p.name} | 0 | | 0 | ${p.ms.toFixed(1)} | ${pct(p.share)} | ${p.count} |`);
  say();
  const reduced = traced['widgets-reduced-motion'];
  const pick = (t, name) => t.rows.find((r) => r.name === name)?.ms ?? 0;
  say(`With prefers-reduced-motion (no skeleton pulse animation), widgets: ${reduced.ms.toFixed(0)} ms wall; ` +
    ['UpdateLayoutTree', 'Layout', 'PrePaint'].map((name) => `${name} ${pick(reduced, name).toFixed(1)} ms (vs ${pick(traced.widgets, name).toFixed(1)})`).join(', ') + '.');
  say();
}

console.log(out.join('\n'));

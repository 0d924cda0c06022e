#!/usr/bin/env node
// Where the milliseconds of the dialog's open, sort and filter go, by row count:
//   npm run build && node bench/profile-dialog.mjs   (PROFILE_ROWS=100,1000,10000,50000 by default)
// For each size, in one page as the bench runs them (so the engine has compiled what the
// smaller sizes ran before the larger ones): a fresh dialog under a provider, then the bench's
// run twice (open, sort by Created Date, filter "Account 1", each with a CDP CPU profile at
// 100 µs sampling) on an unminified production bundle; self time by source location. The first
// run of a size is the one the bench measures at 50,000 rows. Raw profiles go to bench/.out/
// (open them in DevTools). On a loaded machine the wall times swing 2×: read the script's share.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildProfileBundle, outDir } from './lib/bundles.mjs';
import { openBenchPage } from './lib/page.mjs';
import { analyzeProfile } from './lib/profile-analysis.mjs';

const sizes = (process.env.PROFILE_ROWS ?? '100,1000,10000,50000').split(',').map(Number);
const bundle = await buildProfileBundle();
mkdirSync(outDir, { recursive: true });
const { browser, page, cdp, gc } = await openBenchPage({ widgets: bundle, baseline: null });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

const steps = {
  open: () => benchLib.dialogStep('open'),
  sort: () => benchLib.dialogStep('sort'),
  filter: () => benchLib.dialogStep('filter'),
};
// The same steps as benchLib.dialogRun, one at a time, so each gets its own profile.
await page.evaluate(() => {
  const frame = benchLib.frame;
  benchLib.dialogStep = async (step) => {
    const el = document.querySelector('connection-settings-dialog');
    const start = performance.now();
    if (step === 'open') el.open = true;
    else if (step === 'sort') el.shadowRoot.querySelector('th.col-created button').click();
    else {
      const input = el.shadowRoot.querySelector('input[type="search"]');
      input.value = 'Account 1';
      input.dispatchEvent(new InputEvent('input'));
    }
    await el.updateComplete;
    await frame();
    return performance.now() - start;
  };
  benchLib.dialogReset = async () => {
    const el = document.querySelector('connection-settings-dialog');
    const input = el.shadowRoot.querySelector('input[type="search"]');
    input.value = '';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    el.open = false;
    await el.updateComplete;
    await frame();
  };
});

for (const rows of sizes) {
  await page.evaluate((rows) => benchLib.mountDialogs(rows), rows);
  for (let run = 1; run <= 2; run++) {
    console.log(`\n## ${rows} rows, run ${run}`);
    for (const [name, step] of Object.entries(steps)) {
      await gc();
      await cdp.send('Profiler.start');
      const ms = await page.evaluate(step);
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`${outDir}/dialog-${rows}-${run}-${name}.cpuprofile`, JSON.stringify(profile));
      const cpu = analyzeProfile(profile, bundle, '/widgets.js');
      console.log(`\n${name}: ${ms.toFixed(1)} ms wall, ${cpu.totalMs.toFixed(1)} ms sampled`);
      for (const { key, ms } of cpu.byLocation.slice(0, 12)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);
    }
    await page.evaluate(() => benchLib.dialogReset());
  }
}
await browser.close();

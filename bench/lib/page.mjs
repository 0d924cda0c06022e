// One Chromium page with both sides loaded: the library's bundle and the plain-Lit baseline,
// plus the in-page helpers (fake endpoint, timed runs). Served from memory on an origin of our
// own, so the page has a real base URL for the provider's endpoint and nothing goes to the network.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../../scripts/find-chrome.mjs';

const origin = 'http://bench.test';

/**
 * `widgets`: the library bundle to load (the minified production one, or the unminified one
 * for profiles); `baseline`: the plain bundle, or null to leave it out; `initScript`: runs in
 * the page before any of them (the profile's constructor counters).
 */
export async function openBenchPage({ widgets, baseline, initScript }) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome/Chromium found: set CHROME_PATH or install chromium.');
  // --enable-precise-memory-info: performance.memory without the 100 KB rounding (the heap case
  // reads CDP's figure, but a look in the page then gives the same number).
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromeArgs, '--enable-precise-memory-info'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const files = {
    '/widgets.js': widgets,
    '/baseline.js': baseline,
    '/fake-endpoint.js': 'bench/lib/fake-endpoint.js',
    '/helpers.js': 'bench/lib/page-helpers.js',
    '/counters.js': 'bench/lib/page-counters.js',
  };
  const scripts = ['/widgets.js', baseline ? '/baseline.js' : null, '/helpers.js']
    .filter(Boolean)
    .map((src) => `<script type="module" src="${src}"></script>`)
    .join('');
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    // The CDN build's chunks (the dialog and the pop-up flow, loaded on demand) sit beside it.
    const file = files[path] ?? (path.startsWith('/chunks/') ? `dist${path}` : undefined);
    return file
      ? route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' })
      : route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><meta charset="utf-8">${scripts}<body></body></html>` });
  });
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.benchLib && customElements.get('data-source-card'));
  // The dialog loads on demand in the product; here it is loaded up front, out of every figure.
  await page.evaluate(async () => {
    const widgets = await import('/widgets.js');
    await widgets.loadSettingsDialog?.();
  });
  if (baseline) await page.waitForFunction(() => customElements.get('plain-table') && customElements.get('plain-card'));
  const cdp = await page.context().newCDPSession(page);
  return {
    browser,
    page,
    cdp,
    /** A full GC, so one run's garbage is not collected inside the next one's figure. */
    gc: () => cdp.send('HeapProfiler.collectGarbage'),
  };
}

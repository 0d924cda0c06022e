#!/usr/bin/env node
// Render and update times in Debian's Chromium (playwright-core), on the production bundle:
//  - the settings dialog with 1,000 accounts: open → table rendered; a filter keystroke; make main;
//  - a page of 500 cards (500 data sources) under one provider: connect → all settled;
//  - request counts for both (the provider's fetch is replaced by an in-page fake endpoint).
// `npm run build && node bench/render.mjs` prints a Markdown table (median of 5 runs).
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.mjs';

const runs = 5;
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const page = await browser.newPage();
await page.setContent('<!doctype html><html><body></body></html>');
await page.addScriptTag({ path: 'dist/data-source-widgets.bundle.js', type: 'module' });
await page.waitForFunction(() => customElements.get('connection-settings-dialog'));

// A fake endpoint inside the page: answers at once, counts requests, no network in the figures.
await page.evaluate(() => {
  const iso = (i) => new Date(Date.UTC(2026, 0, 1) - i * 3600_000).toISOString();
  const connection = (i) => ({
    id: `c${i}`, accountName: `Account ${i}`, accountId: String(1e9 + i), status: i % 50 === 7 ? 'error' : 'active',
    ...(i % 50 === 7 ? { error: { code: 'invalid_grant', message: 'Credentials revoked' } } : {}),
    role: i === 0 ? 'main' : 'secondary', createdAt: iso(i), updatedAt: iso(i),
  });
  window.bench = { requests: 0, sizes: {} };
  window.bench.fetch = async (input, init) => {
    window.bench.requests++;
    const url = new URL(String(input), location.href);
    const [, , id, , cid] = url.pathname.split('/').filter(Boolean);
    if (init?.method === 'PATCH') return Response.json({ ...connection(Number(cid.slice(1))), role: 'main' });
    const count = window.bench.sizes[id] ?? 2;
    return Response.json({ id, name: `Source ${id}`, connections: Array.from({ length: count }, (_, i) => connection(i)) });
  };
});

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const frame = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r)))';

async function dialogRun(count) {
  return page.evaluate(async ({ count, frame }) => {
    const nextFrame = () => eval(frame);
    document.body.innerHTML = '';
    window.bench.requests = 0;
    window.bench.sizes.big = count;
    const provider = document.createElement('data-source-provider');
    provider.fetch = window.bench.fetch;
    provider.endpoint = '/bench';
    const dialog = document.createElement('connection-settings-dialog');
    dialog.source = 'big';
    provider.append(dialog);
    const rows = () => dialog.shadowRoot?.querySelectorAll('tbody tr[data-id], tbody tr').length ?? 0;
    const t0 = performance.now();
    document.body.append(provider);
    dialog.open = true;
    while (rows() < Math.min(count, 10) || dialog.shadowRoot.querySelector('[aria-busy="true"]')) await new Promise((r) => setTimeout(r));
    await nextFrame();
    const open = performance.now() - t0;

    const filter = dialog.shadowRoot.querySelector('input[type="search"], input');
    let filterMs = NaN;
    if (filter) {
      const t1 = performance.now();
      filter.value = 'Account 99';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await dialog.updateComplete;
      await nextFrame();
      filterMs = performance.now() - t1;
      filter.value = '';
      filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await dialog.updateComplete;
    }
    const store = provider.store;
    const t2 = performance.now();
    await store.makeMain('big', `c${count - 1}`);
    await dialog.updateComplete;
    await nextFrame();
    const makeMain = performance.now() - t2;
    return { open, filterMs, makeMain, requests: window.bench.requests };
  }, { count, frame });
}

async function cardsRun(count) {
  return page.evaluate(async ({ count, frame }) => {
    document.body.innerHTML = '';
    window.bench.requests = 0;
    const provider = document.createElement('data-source-provider');
    provider.fetch = window.bench.fetch;
    provider.endpoint = '/bench';
    for (let i = 0; i < count; i++) {
      const card = document.createElement('data-source-card');
      card.source = `s${i}`;
      provider.append(card);
      // A second widget per source: still one request per source.
      if (i < 50) {
        const banner = document.createElement('reconnect-banner');
        banner.source = `s${i}`;
        provider.append(banner);
      }
    }
    const t0 = performance.now();
    document.body.append(provider);
    const cards = [...provider.querySelectorAll('data-source-card')];
    const settled = () => cards.every((c) => provider.store.get(c.source).status === 'ready');
    while (!settled()) await new Promise((r) => setTimeout(r));
    await Promise.all(cards.map((c) => c.updateComplete));
    await eval(frame);
    return { render: performance.now() - t0, requests: window.bench.requests };
  }, { count, frame });
}

const results = [];
for (const count of [1000]) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await dialogRun(count));
  results.push([`dialog, ${count} accounts: open → rows rendered`, median(samples.map((s) => s.open))]);
  results.push([`dialog, ${count} accounts: filter keystroke → re-rendered`, median(samples.map((s) => s.filterMs))]);
  results.push([`dialog, ${count} accounts: make main → re-rendered`, median(samples.map((s) => s.makeMain))]);
  results.push([`dialog, ${count} accounts: requests`, samples[0].requests, 'count']);
}
{
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await cardsRun(500));
  results.push(['500 cards + 50 banners: attach → all settled', median(samples.map((s) => s.render))]);
  results.push(['500 cards + 50 banners: requests', samples[0].requests, 'count']);
}
await browser.close();

console.log(`| measure (median of ${runs}) | value |\n| --- | ---: |`);
for (const [name, value, unit] of results) console.log(`| ${name} | ${unit === 'count' ? value : `${value.toFixed(1)} ms`} |`);

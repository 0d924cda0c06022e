#!/usr/bin/env node
// A page of 500 cards (500 data sources, 50 of them with a banner too) under one provider, in
// Debian's Chromium (playwright-core) on the production bundle: attach → every card settled,
// and the requests it took (the provider's fetch is an in-page fake endpoint: no network in
// the figures). The dialog's figures come from bench/dialog.bench.ts.
// `npm run build && node bench/render.mjs` prints a Markdown table (median of 5 runs).
import { chromium } from 'playwright-core';
import { findChrome, chromeArgs } from '../scripts/find-chrome.mjs';

const runs = 5;
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const page = await browser.newPage();
// An origin of our own, served from memory: the page needs a real base URL for the endpoint.
await page.route('http://bench.test/**', (route) =>
  route.request().url().endsWith('/bundle.js')
    ? route.fulfill({ path: 'dist/data-source-widgets.bundle.js', contentType: 'text/javascript' })
    : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/bundle.js"></script><body></body>' }),
);
await page.goto('http://bench.test/');
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
    const source = (id) => {
      const count = window.bench.sizes[id] ?? 2;
      return { id, name: `Source ${id}`, connections: Array.from({ length: count }, (_, i) => connection(i)) };
    };
    // The batched load: `GET /data-sources?include=connections&ids=a,b,c` (what the store sends).
    const ids = url.searchParams.get('ids');
    if (ids) {
      const items = ids.split(',').map((id) => {
        const { connections, ...rest } = source(decodeURIComponent(id));
        const errorCount = connections.filter((c) => c.status === 'error').length;
        return { ...rest, connectionCount: connections.length, errorCount, connections };
      });
      return Response.json({ items });
    }
    return Response.json(source(id));
  };
});

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const frame = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r)))';

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
{
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await cardsRun(Number(process.env.CARDS ?? 500)));
  const cards = Number(process.env.CARDS ?? 500);
  results.push([`${cards} cards + 50 banners: attach → all settled`, median(samples.map((s) => s.render))]);
  results.push([`${cards} cards + 50 banners: requests`, samples[0].requests, 'count']);
}
await browser.close();

console.log(`| measure (median of ${runs}) | value |\n| --- | ---: |`);
for (const [name, value, unit] of results) console.log(`| ${name} | ${unit === 'count' ? value : `${value.toFixed(1)} ms`} |`);

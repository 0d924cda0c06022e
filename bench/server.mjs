// `npm run bench:server`: the reference backend's handler against the floor of a plain node:http
// server answering the same JSON from memory, side by side on this machine, with autocannon
// (32 connections, 10 s each, BENCH_SECONDS to change). Reads: one source's connections (the
// 34 of google-ads) and the batched load of all 6 sources; on SQLite, and on PostgreSQL when it
// is installed (a throw-away server, scripts/postgres.mjs). Then writes under the same load: every
// acknowledged connect must be there afterwards, once, with exactly one main.
// Servers run in child processes; autocannon runs here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { startPostgres } from '../scripts/postgres.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ROUTES = {
  'one source (34 connections)': '/api/data-sources/google-ads/connections',
  'batch of 6 sources': '/api/data-sources?include=connections&ids=google-ads,facebook-ads,linkedin-ads,ga4,hubspot,tiktok-ads',
};

const dir = mkdtempSync(join(tmpdir(), 'dsw-bench-server-'));
const children = [];

/** Starts bench/server-target.ts with `args`; resolves to what it prints: `{ url, token? }`. */
function target(...args) {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server-target.ts', import.meta.url).pathname, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server-target ${args[0]} exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ ...JSON.parse(line), child }));
  });
}

function stop(server) {
  server.child.kill();
  return new Promise((resolve) => server.child.once('exit', resolve));
}

function load(url, path, headers, extra = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url: url + path, connections: CONNECTIONS, duration: SECONDS, headers, ...extra }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const summary = (result) => ({
  rate: result.requests.average,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx,
});

async function main() {
  const pg = await startPostgres();
  if (pg.skip) console.log(`⚠ ${pg.skip}`);
  const handlers = [['SQLite', () => target('sqlite', dir)]];
  if (!pg.skip) handlers.push(['PostgreSQL', () => target('postgres', pg.url)]);
  const rows = [];
  try {
    for (const [storageName, start] of handlers) {
      const handler = await start();
      const auth = { authorization: `Bearer ${handler.token}` };
      // The floor answers exactly the bytes the handler answers.
      const bodies = {};
      for (const path of Object.values(ROUTES)) bodies[path] = await (await fetch(handler.url + path, { headers: auth })).text();
      writeFileSync(join(dir, 'bodies.json'), JSON.stringify(bodies));
      for (const [name, path] of Object.entries(ROUTES)) {
        // Warm both (JIT, prepared statements, connection pools), then measure them one after the other.
        const floor = await target('floor', join(dir, 'bodies.json'));
        await load(floor.url, path, {}, { duration: 2 });
        await load(handler.url, path, auth, { duration: 2 });
        const f = summary(await load(floor.url, path, {}));
        const h = summary(await load(handler.url, path, auth));
        await stop(floor);
        rows.push({ storage: storageName, name, f, h });
        console.log(`${storageName} · ${name}: handler ${h.rate.toFixed(0)} req/s (p99 ${h.p99} ms) · floor ${f.rate.toFixed(0)} req/s (p99 ${f.p99} ms) · ratio ${(h.rate / f.rate).toFixed(2)}${h.errors || f.errors ? ` · ERRORS handler ${h.errors} floor ${f.errors}` : ''}`);
      }
      rows.push({ storage: storageName, writes: await writes(handler, auth) });
      await stop(handler);
    }
  } finally {
    for (const child of children) child.kill();
    if (!pg.skip) pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  print(rows);
}

/** Connects a new account per request under full load; then counts what is stored. */
async function writes(handler, auth) {
  let n = 0;
  const result = await load(handler.url, '/api/demo/data-sources/tiktok-ads/connections', { ...auth, 'content-type': 'application/json' }, {
    method: 'POST',
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ accountId: `bench-${++n}`, accountName: `Bench ${n}` }) }) }],
  });
  const acknowledged = result['2xx'];
  const stored = (await (await fetch(`${handler.url}/api/data-sources/tiktok-ads/connections`, { headers: auth })).json()).items;
  const distinct = new Set(stored.map((c) => c.accountId)).size;
  const mains = stored.filter((c) => c.role === 'main').length;
  const line = { rate: result.requests.average, p99: result.latency.p99, acknowledged, stored: stored.length, distinct, mains, errors: result.errors + result.non2xx };
  console.log(`writes: ${line.rate.toFixed(0)} connects/s (p99 ${line.p99} ms), ${acknowledged} acknowledged, ${stored.length} stored, ${distinct} distinct, ${mains} main, ${line.errors} errors`);
  return line;
}

function print(rows) {
  const ms = (value) => `${value} ms`;
  console.log('\n| storage | read | handler req/s | handler p99 | floor req/s | floor p99 | ratio | target |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows.filter((r) => r.name)) {
    const ratio = row.h.rate / row.f.rate;
    const met = ratio >= 1 / 3 && row.h.p99 < 50 ? 'met' : 'MISSED';
    console.log(`| ${row.storage} | ${row.name} | ${row.h.rate.toFixed(0)} | ${ms(row.h.p99)} | ${row.f.rate.toFixed(0)} | ${ms(row.f.p99)} | ${ratio.toFixed(2)} | ≥ 0.33, p99 < 50 ms: ${met} |`);
  }
  console.log('\n| storage | connects/s under load | p99 | acknowledged (201) | stored | distinct | mains | lost |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows.filter((r) => r.writes)) {
    const w = row.writes;
    console.log(`| ${row.storage} | ${w.rate.toFixed(0)} | ${ms(w.p99)} | ${w.acknowledged} | ${w.stored} | ${w.distinct} | ${w.mains} | ${w.acknowledged - w.stored} |`);
  }
}

await main();

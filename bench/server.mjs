// `npm run bench:server`: the reference backend's handler against the floor of a plain node:http
// server answering the same JSON from memory, side by side on this machine, with autocannon
// (32 connections, 10 s per run, floor and handler in turns, 2 rounds; BENCH_SECONDS and
// BENCH_ROUNDS to change). Reads: one source's connections (the
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
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

/** The rounds of one side: the mean rate, the worst p99, every error. */
const combine = (runs) => ({
  rate: runs.reduce((sum, run) => sum + run.rate, 0) / runs.length,
  p99: Math.max(...runs.map((run) => run.p99)),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
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
        // Warm both (JIT, prepared statements, connection pools), then measure them in turns,
        // ROUNDS times each: the load of the rest of the machine falls on both alike.
        const floor = await target('floor', join(dir, 'bodies.json'));
        await load(floor.url, path, {}, { duration: 2 });
        await load(handler.url, path, auth, { duration: 2 });
        const runs = { f: [], h: [] };
        for (let round = 0; round < ROUNDS; round++) {
          runs.f.push(summary(await load(floor.url, path, {})));
          runs.h.push(summary(await load(handler.url, path, auth)));
        }
        await stop(floor);
        const [f, h] = [combine(runs.f), combine(runs.h)];
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

/**
 * Connects a new account per request under full load; then checks that every acknowledged (201)
 * account is stored, once, with one main. Requests still in flight when the time is up complete
 * too: they are stored without being counted as acknowledged.
 */
async function writes(handler, auth) {
  let n = 0;
  const acknowledged = new Set();
  const result = await load(handler.url, '/api/demo/data-sources/tiktok-ads/connections', { ...auth, 'content-type': 'application/json' }, {
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ accountId: `bench-${++n}`, accountName: `Bench ${n}` }) }),
        onResponse: (status, body) => {
          if (status === 201) acknowledged.add(JSON.parse(body).accountId);
        },
      },
    ],
  });
  // Let the last requests finish before counting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const stored = (await (await fetch(`${handler.url}/api/data-sources/tiktok-ads/connections`, { headers: auth })).json()).items;
  const ids = new Set(stored.map((c) => c.accountId));
  const line = {
    rate: result.requests.average,
    p99: result.latency.p99,
    acknowledged: acknowledged.size,
    stored: stored.length,
    duplicates: stored.length - ids.size,
    lost: [...acknowledged].filter((id) => !ids.has(id)).length,
    mains: stored.filter((c) => c.role === 'main').length,
    errors: result.errors + result.non2xx,
  };
  console.log(`writes: ${line.rate.toFixed(0)} connects/s (p99 ${line.p99} ms), ${line.acknowledged} acknowledged, ${line.stored} stored, ${line.lost} lost, ${line.duplicates} duplicated, ${line.mains} main, ${line.errors} errors`);
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
  console.log('\n| storage | connects/s under load | p99 | acknowledged (201) | stored | lost | duplicated | mains | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows.filter((r) => r.writes)) {
    const w = row.writes;
    console.log(`| ${row.storage} | ${w.rate.toFixed(0)} | ${ms(w.p99)} | ${w.acknowledged} | ${w.stored} | ${w.lost} | ${w.duplicates} | ${w.mains} | ${w.errors} |`);
  }
}

await main();

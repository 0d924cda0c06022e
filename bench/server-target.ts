// One server for `npm run bench:server`, in a process of its own (the load generator must not
// share its event loop): `floor <json-file>` (plain node:http answering that JSON from memory),
// `sqlite <dir>` or `postgres <url>` (the contract's handler on that storage). Prints its URL
// and, for the handler, a bearer token, as one JSON line; runs until killed.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startServer } from '../demo/server/server.js';
import { openPostgres } from '../demo/server/storage/postgres.js';

const [kind, arg] = process.argv.slice(2);
// Exit (rather than die) on SIGTERM, so that `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));

if (kind === 'floor') {
  // What a route costs at the least: the same bytes, the same headers, no lookup, no JSON work.
  const bodies = JSON.parse(readFileSync(arg!, 'utf8')) as Record<string, string>;
  const server = createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
} else {
  const storage =
  kind === 'postgres' ? await openPostgres({ connection: { connectionString: arg!, max: Number(process.env.PG_POOL ?? 10) }, reset: true }, Date.now()) : undefined;
  const server = await startServer({
    port: 0,
    dbPath: join(arg!, 'bench.db'),
    storage,
    demo: true,
    // The load generator signs in once and starts no authorization: no limit gets in its way.
    log: (message) => console.error(message),
  });
  console.log(JSON.stringify({ url: server.url, token: await server.signIn('ada') }));
}

/**
 * `tsx demo/server/main.ts` (what `npm start` runs after building): the demo backend and its
 * pages on 127.0.0.1:$PORT (default 8787), with the database in demo/data/ kept across restarts,
 * or in the PostgreSQL database $DATABASE_URL names when it is set.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.js';
import { openPostgres } from './storage/postgres.js';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}
if (!existsSync(`${distDir}data-source-widgets.bundle.js`)) {
  console.warn('dist/ has no build yet: the demo pages need `npm run build` (npm start does it).');
}

try {
  const storage = process.env.DATABASE_URL ? await openPostgres({ connection: process.env.DATABASE_URL }, Date.now()) : undefined;
  const server = await startServer({
    port,
    storage,
    dbPath: fileURLToPath(new URL('../data/demo.db', import.meta.url)),
    demo: true,
    callbackCoop: process.env.CALLBACK_COOP === '1',
    staticRoot: publicDir,
    distRoot: distDir,
  });
  console.log(`\ndata-source-widgets demo: open ${server.url}/`);
  console.log(`  without a provider or a build step: ${server.url}/no-build.html`);
  console.log('  the database lives in demo/data/ (npm run db:reset starts it over). Ctrl-C stops.\n');
  let stopping = false;
  const stop = (signal: string) => {
    // Ctrl-C reaches us twice under npm (from the terminal and forwarded by npm): close once.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one (PORT=0 picks a free port).` : error);
  process.exit(1);
}

/**
 * `tsx demo/server/main.ts` (what `npm start` runs after building): the demo backend and its
 * pages on 127.0.0.1:$PORT (default 8787), and the data platform's authorization server on
 * $PLATFORM_PORT (default PORT + 1), with their databases and the token key in demo/data/ (or
 * the backend's in the PostgreSQL database $DATABASE_URL names, when it is set).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPlatform } from '../platform/platform.js';
import { oauthOptionsFor } from '../platform/wiring.js';
import { loadOrCreateTokenKey, parseTokenKey } from './oauth/token-cipher.js';
import { startServer } from './server.js';
import { openPostgres } from './storage/postgres.js';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}
// The platform keeps its port across restarts: the grants it issued name it as their issuer.
const platformPort = Number(process.env.PLATFORM_PORT ?? (port === 0 ? 0 : port + 1));
if (!Number.isInteger(platformPort) || platformPort < 0 || platformPort > 65535) {
  console.error(`PLATFORM_PORT must be a port number (0-65535), got "${process.env.PLATFORM_PORT}".`);
  process.exit(1);
}
const dataDir = new URL('../data/', import.meta.url);
if (!existsSync(`${distDir}data-source-widgets.bundle.js`)) {
  console.warn('dist/ has no build yet: the demo pages need `npm run build` (npm start does it).');
}

try {
  // Beside the database, readable by its owner only; DSW_TOKEN_KEY (base64, 32 bytes) overrides it.
  const tokenKey = loadOrCreateTokenKey(fileURLToPath(new URL('token.key', dataDir)));
  const previousTokenKeys = (process.env.DSW_TOKEN_KEY_PREVIOUS ?? '').split(',').filter(Boolean).map((key) => parseTokenKey(key, 'DSW_TOKEN_KEY_PREVIOUS'));
  const platform = await startPlatform({ port: platformPort, dbPath: fileURLToPath(new URL('platform.db', dataDir)) });
  const storage = process.env.DATABASE_URL ? await openPostgres({ connection: process.env.DATABASE_URL }, Date.now()) : undefined;
  const server = await startServer({
    port,
    storage,
    dbPath: fileURLToPath(new URL('demo.db', dataDir)),
    demo: true,
    oauth: oauthOptionsFor(platform, tokenKey, { previousTokenKeys }),
    callbackCoop: process.env.CALLBACK_COOP === '1',
    staticRoot: publicDir,
    distRoot: distDir,
  });
  console.log(`\ndata-source-widgets demo: open ${server.url}/`);
  console.log(`  without a provider or a build step: ${server.url}/no-build.html`);
  console.log(`  the data platform (OAuth 2.0 authorization server): ${platform.issuer}/.well-known/openid-configuration`);
  console.log('  the database lives in demo/data/ (npm run db:reset starts it over). Ctrl-C stops.\n');
  let stopping = false;
  const stop = (signal: string) => {
    // Ctrl-C reaches us twice under npm (from the terminal and forwarded by npm): close once.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing.`);
    Promise.all([server.close(), platform.close()]).then(
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

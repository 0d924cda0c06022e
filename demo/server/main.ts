/** `tsx demo/server/main.ts`: the demo backend on 127.0.0.1:$PORT (default 8787). */
import { fileURLToPath } from 'node:url';
import { startServer } from './server.js';

const demoDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0-65535), got "${process.env.PORT}".`);
  process.exit(1);
}

try {
  const server = await startServer({
    port,
    dbPath: fileURLToPath(new URL('../data/demo.db', import.meta.url)),
    demo: true,
    callbackCoop: process.env.CALLBACK_COOP === '1',
    staticRoot: demoDir,
  });
  console.log(`data-source-widgets demo backend: ${server.url}/`);
  const stop = (signal: string) => {
    console.log(`${signal}: closing.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one (PORT=0 picks a free port).` : error);
  process.exit(1);
}

#!/usr/bin/env node
// `npm start`: builds the library (the demo pages load the built files), then starts the
// reference backend, which also serves the demo pages, and prints the URL to open.
import { spawn, execSync } from 'node:child_process';

execSync('node scripts/build.mjs', { stdio: 'inherit' });
const server = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DSW_DEMO: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

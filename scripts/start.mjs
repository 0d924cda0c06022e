#!/usr/bin/env node
// `npm start`: builds the library (the demo pages load dist/ as a host would), then runs the
// reference backend, which also serves the demo pages, and prints the URL to open.
// The server runs in this very process (TypeScript through tsx's loader), so Ctrl-C has one
// process to stop and the exit code is the server's own.
import { execSync } from 'node:child_process';
import { register } from 'tsx/esm/api';

process.chdir(new URL('..', import.meta.url).pathname);
try {
  execSync('node scripts/build.mjs', { stdio: 'inherit' });
} catch {
  console.error('\nThe build failed (see above), so the demo was not started.');
  process.exit(1);
}
register();
await import('../demo/server/main.ts');

#!/usr/bin/env node
// `npm run test:postgres`: the reference backend's suites again, on PostgreSQL instead of SQLite
// (each test its own database), plus the two-instance tests. Starts a throw-away PostgreSQL
// (scripts/postgres.mjs) and stops it afterwards; without PostgreSQL installed it says so and
// succeeds, so that `npm test` runs anywhere (CI installs it).
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres.mjs';

const SUITES = [
  'test/node/server.test.ts',
  'test/node/server-access.test.ts',
  'test/node/server-links.test.ts',
  'test/node/server-postgres.test.ts',
  'test/node/selection.test.ts',
  'test/node/selection-instances.test.ts',
  'test/node/grants.test.ts',
];

const server = await startPostgres();
if (server.skip) {
  console.log(`⚠ ${server.skip}`);
  process.exit(0);
}
let status = 1;
try {
  console.log(`PostgreSQL on ${server.url}`);
  const result = spawnSync('node', ['--import', 'tsx', '--test', ...SUITES], {
    stdio: 'inherit',
    env: { ...process.env, DSW_TEST_POSTGRES: server.url },
  });
  status = result.status ?? 1;
} finally {
  server.stop();
}
process.exit(status);

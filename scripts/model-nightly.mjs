#!/usr/bin/env node
// The store's model-based test with many more runs than the test line's 200, or one seed again:
//   node scripts/model-nightly.mjs                          2,000 runs, a fresh seed (printed)
//   node scripts/model-nightly.mjs --runs 10000
//   node scripts/model-nightly.mjs --seed=123 --path "4:1" [--replay-path "AFD:F"]   replays a failure
//   … --skew      requests without a fault timed as on a loaded machine (makes overlaps that the
//                 test line's timing rarely shows happen every time; see test/model/world.ts)
// (`--seed=-123`, with `=`, for a negative seed; also `npm run test:model:nightly -- --runs 5000`). Nothing is written: the settings reach the
// page through scripts/model-nightly.config.mjs, which serves them as test/model/seed.json.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'replay-path': { type: 'string' },
    skew: { type: 'boolean' },
  },
});
const replaying = values.seed !== undefined;
const env = {
  ...process.env,
  DSW_MODEL_RUNS: values.runs ?? (replaying ? '1' : '2000'),
  DSW_MODEL_SEED: values.seed ?? '',
  DSW_MODEL_PATH: values.path ?? '',
  DSW_MODEL_REPLAY_PATH: values['replay-path'] ?? '',
  DSW_MODEL_SKEW: values.skew ? '1' : '',
};
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('npx', ['wtr', '--config', 'scripts/model-nightly.config.mjs'], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

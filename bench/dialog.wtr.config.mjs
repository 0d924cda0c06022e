// Runs the dialog benchmark: the test setup, but Lit's production build (no dev-mode checks,
// which cost as much as the rendering itself) and one page at a time, so the page is in front
// and gets animation frames.
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  files: ['bench/dialog.bench.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  testFramework: { config: { timeout: 300_000 } },
  testsFinishTimeout: 600_000,
};

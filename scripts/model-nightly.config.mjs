// web-test-runner for the store's model-based test alone, with its settings from the environment
// (served in place of test/model/seed.json): see scripts/model-nightly.mjs.
import base from '../web-test-runner.config.mjs';

const numberOrNull = (value) => (value ? Number(value) : null);
const settings = {
  seed: numberOrNull(process.env.DSW_MODEL_SEED),
  path: process.env.DSW_MODEL_PATH || null,
  replayPath: process.env.DSW_MODEL_REPLAY_PATH || null,
  runs: Number(process.env.DSW_MODEL_RUNS || 2000),
  skew: process.env.DSW_MODEL_SKEW === '1',
};

export default {
  ...base,
  files: ['test/model/store.model.test.ts'],
  // About 60 ms a run here; generous, for slower machines and shrinking.
  testsFinishTimeout: 60_000 + settings.runs * 500,
  middleware: [
    (ctx, next) => {
      if (ctx.path !== '/test/model/seed.json') return next();
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(settings);
    },
    ...base.middleware,
  ],
};

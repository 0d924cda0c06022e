#!/usr/bin/env node
// The whole test line: what CI runs and what `npm test` runs on a fresh clone.
// Each step prints its own output; a summary line with the counts closes the run.
import { execSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findChrome } from './find-chrome.mjs';

const counts = { passed: 0, failed: 0 };

function ensureChrome() {
  if (findChrome()) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('No Chrome or Chromium found: installing Debian\'s chromium…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (findChrome()) return;
  }
  console.error(
    'The tests need Chrome or Chromium. Install one (e.g. `apt-get install chromium`, or Google Chrome),\n' +
      'or point CHROME_PATH at its binary, then run `npm test` again.',
  );
  process.exit(1);
}

/** Runs a command, echoing its output, and returns that output; stops the run when it fails. */
function step(title, command, { capture = false } = {}) {
  console.log(`\n▶ ${title}\n  $ ${command}`);
  const result = spawnSync(command, {
    shell: true,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (capture) process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    countFrom(result.stdout ?? '');
    summary();
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? '';
}

function countFrom(raw) {
  const output = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  // web-test-runner: "… | 123 passed, 0 failed"; node:test: "ℹ pass 12" / "ℹ fail 0".
  const wtr = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (wtr) {
    counts.passed += Number(wtr[1]);
    counts.failed += Number(wtr[2]);
  }
  const pass = output.match(/^(?:ℹ|#) pass (\d+)$/m);
  const fail = output.match(/^(?:ℹ|#) fail (\d+)$/m);
  if (pass) counts.passed += Number(pass[1]);
  if (fail) counts.failed += Number(fail[1]);
}

function summary() {
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
}

function manifestCheck() {
  const before = readFileSync('custom-elements.json', 'utf8');
  step('Manifest: regenerate custom-elements.json from the sources', 'npm run -s analyze');
  if (readFileSync('custom-elements.json', 'utf8') !== before) {
    console.error('\n✖ custom-elements.json was out of date: it is regenerated now; review and commit it.');
    const diff = 'git --no-pager diff --stat -- custom-elements.json && git --no-pager diff -U1 -- custom-elements.json | head -40';
    spawnSync('sh', ['-c', diff], { stdio: 'inherit' });
    process.exit(1);
  }
}

ensureChrome();
manifestCheck();
step('Type check', 'npx tsc --noEmit -p tsconfig.test.json && npx tsc --noEmit -p test/node/tsconfig.json && npx tsc --noEmit -p demo/tsconfig.json');
step('Lit analyzer', 'npm run -s lint');
step('Build (ESM, .d.ts, single-file bundle)', 'npm run -s build');
// A host's programs against the built package: tags, attributes and events typed in plain
// TypeScript, React 19 JSX and Vue templates; each misspelling is an `@ts-expect-error` line.
step('Types as hosts see them (tsc, vue-tsc)', 'npx tsc -p test/types/tsconfig.json && npx vue-tsc -p test/types/vue/tsconfig.json');
step('Package (publint, are-the-types-wrong)', 'npx publint --strict && npx attw --pack --profile esm-only --format table-flipped');
// Every story builds; a warning about a missing export (a story or the preview importing what a
// module no longer exports) fails the run. 2>&1: Storybook and Vite write some of it to stderr.
const storybook = step('Storybook build', 'npm run -s build-storybook 2>&1', { capture: true });
const missingExports = storybook.split('\n').filter((line) => /WARN|MISSING_EXPORT/.test(line) && /export/i.test(line));
if (missingExports.length > 0) {
  console.error(`\n✖ Storybook build warned about missing exports:\n${missingExports.join('\n')}`);
  summary();
  process.exit(1);
}
// The docs site (`npm run docs` builds the same into docs-site/) holds the README, the guides,
// the tokens and the HTTP contract beside the widgets' autodocs.
const docsPages = Object.values(JSON.parse(readFileSync('storybook-static/index.json', 'utf8')).entries)
  .filter((entry) => entry.type === 'docs')
  .map((entry) => entry.id);
const missingPages = [
  'introduction--docs',
  'guides-plain-html--docs',
  'guides-react--docs',
  'guides-vue--docs',
  'guides-angular--docs',
  'reference-design-tokens--docs',
  'reference-http-contract--docs',
  'widgets-data-source-card--docs',
].filter((id) => !docsPages.includes(id));
if (missingPages.length > 0) {
  console.error(`\n✖ The docs site lacks: ${missingPages.join(', ')}`);
  summary();
  process.exit(1);
}
countFrom(step('Node tests (contract, reference backend, packaging)', 'node --import tsx --test test/node/*.test.ts', { capture: true }));
countFrom(step('Reference backend on PostgreSQL (skipped when it is not installed)', 'node scripts/test-postgres.mjs', { capture: true }));
countFrom(step('Browser tests (web-test-runner, Chromium)', 'npx wtr', { capture: true }));
countFrom(step('End-to-end tests (real server, real pop-up)', 'node --import tsx --test test/e2e/*.test.ts', { capture: true }));
summary();

// The built package as a host's bundler or server sees it: run after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

test('importing the package root in Node defines nothing and touches no window', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  // A computed specifier: the type check runs before the build.
  const api = await import(new URL('../../dist/index.js', import.meta.url).href);
  assert.equal(typeof api.ApiClient, 'function');
  assert.equal(typeof api.ConnectionStore, 'function');
  assert.equal(typeof api.DataSourceProvider, 'function');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  assert.equal(registry?.get('data-source-provider'), undefined);
});

test('every export path points at a built file', () => {
  for (const [path, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of files) {
      if (file.includes('*')) continue;
      assert.ok(existsSync(file), `${path} → ${file} is missing`);
    }
  }
});

test('only the define entries and the single-file build are marked as having side effects', () => {
  // The src/ entries are listed too: bundlers (and our own build) read this field for the
  // package's sources, and would otherwise drop the registrations as dead code.
  assert.deepEqual(pkg.sideEffects.sort(), [
    './dist/bundle.js',
    './dist/data-source-widgets.bundle.js',
    './dist/define.js',
    './dist/define/*.js',
    './src/bundle.ts',
    './src/define.ts',
    './src/define/*.ts',
  ]);
});

test('publint finds nothing to fix in the package', async () => {
  const { publint } = await import('publint');
  const { messages } = await publint({ pkgDir: '.', level: 'warning' });
  assert.deepEqual(
    messages.map((m) => `${m.type} ${m.code} ${m.path?.join('.')}`),
    [],
  );
});

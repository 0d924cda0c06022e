// The built package as a host's bundler or server sees it: run after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync, spawnSync } from 'node:child_process';
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

test('importing any entry on a server never throws; the define entries warn, once, and register nothing', () => {
  const specifiers = Object.keys(pkg.exports)
    .filter((path) => !path.endsWith('.json'))
    .flatMap((path) =>
      path.endsWith('/*')
        ? ['data-source-provider', 'data-source-card', 'connection-settings-dialog', 'reconnect-banner'].map((name) => path.replace('*', name))
        : [path],
    )
    .map((path) => path.replace(/^\./, pkg.name));
  for (const specifier of specifiers) {
    // A process of its own per entry: a clean module cache and a clean console. The package
    // resolves itself by name, through its exports, under Node's conditions.
    const script = `await import(${JSON.stringify(specifier)}); console.log(globalThis.customElements?.get?.('data-source-card') ? 'registered' : 'none');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${specifier} threw: ${result.stderr}`);
    const warnings = result.stderr.trim().split('\n').filter(Boolean);
    assert.ok(warnings.length <= 1, `${specifier}: at most one warning, got ${result.stderr}`);
    if (warnings.length === 1) assert.match(warnings[0]!, /^data-source-widgets: .* does nothing on a server; import it in the browser\.$/);
    const expected = specifier.endsWith('/ssr') ? 'registered' : 'none';
    assert.equal(result.stdout.trim(), expected, `${specifier} registers ${expected === 'none' ? 'nothing' : 'the tags'} on a server`);
  }
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

test('only the define entries, the autoloader and the single-file build are marked as having side effects', () => {
  // The src/ entries are listed too: bundlers (and our own build) read this field for the
  // package's sources, and would otherwise drop the registrations as dead code.
  assert.deepEqual(pkg.sideEffects.sort(), [
    './dist/autoloader.js',
    './dist/bundle.js',
    './dist/data-source-widgets.autoloader.js',
    './dist/data-source-widgets.bundle.js',
    './dist/define.js',
    './dist/define/*.js',
    './dist/hydrate.js',
    './dist/ssr.js',
    './src/autoloader.ts',
    './src/bundle.ts',
    './src/define.ts',
    './src/define/*.ts',
    './src/hydrate.ts',
    './src/ssr.ts',
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

/** The files `npm pack` would put in the tarball. */
function packedFiles(): string[] {
  const [report] = JSON.parse(execSync('npm pack --dry-run --json --ignore-scripts', { encoding: 'utf8' }));
  return report.files.map((file: { path: string }) => file.path);
}

test('the tarball holds the licence and only files an entry reaches', async () => {
  // @ts-expect-error: a plain .mjs script, also used by the build
  const { reachableFiles } = await import('../../scripts/package-files.mjs');
  const reached: Set<string> = reachableFiles(pkg);
  const files = packedFiles();
  for (const file of ['LICENSE', 'README.md', 'package.json', 'custom-elements.json']) assert.ok(files.includes(file), `${file} is packed`);
  assert.deepEqual(
    files.filter((file) => file.startsWith('dist/') && !reached.has(file)),
    [],
  );
});

test('the types of every entry bring the global types of the tags (tag names, JSX, Vue)', async () => {
  // @ts-expect-error: a plain .mjs script, also used by the build
  const { reachableFiles } = await import('../../scripts/package-files.mjs');
  for (const [path, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
    const types = typeof target === 'string' ? undefined : target.types;
    if (!types) continue;
    const files = types.includes('*')
      ? ['data-source-provider', 'data-source-card', 'connection-settings-dialog', 'reconnect-banner'].map((name) => types.replace('*', name))
      : [types];
    for (const file of files) {
      const reached: Set<string> = reachableFiles(pkg, [file.replace(/^\.\//, '')]);
      assert.ok(reached.has('dist/types/globals.d.ts'), `${path} (${file}) brings dist/types/globals.d.ts`);
    }
  }
});

test('every source map in the tarball carries its sources', () => {
  const maps = packedFiles().filter((file) => file.endsWith('.map'));
  assert.ok(maps.length > 0);
  for (const file of maps) {
    const map = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(map.sourcesContent?.length, map.sources.length, `${file} embeds its sources`);
    assert.ok(map.sourcesContent.every((text: unknown) => typeof text === 'string'), `${file} embeds its sources`);
  }
});

test('the manifest and the editor data name shipped files', () => {
  const files = new Set(packedFiles());
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const paths = JSON.stringify(manifest).match(/"(?:path|module)":"[^"]+"/g) ?? [];
  assert.ok(paths.length > 0);
  for (const entry of paths) {
    const path = entry.split('"')[3]!;
    assert.ok(files.has(path), `custom-elements.json names ${path}, which is packed`);
  }
  for (const field of [pkg['web-types'], pkg.customElements]) assert.ok(files.has(field.replace(/^\.\//, '')), `${field} is packed`);
  const webTypes = JSON.parse(readFileSync(pkg['web-types'], 'utf8'));
  const tags = webTypes.contributions.html.elements.map((el: { name: string }) => el.name).sort();
  assert.deepEqual(tags, ['connection-settings-dialog', 'data-source-card', 'data-source-provider', 'reconnect-banner']);
  const card = webTypes.contributions.html.elements.find((el: { name: string }) => el.name === 'data-source-card');
  assert.ok(card.attributes.some((a: { name: string }) => a.name === 'heading-level'));
  assert.ok(card.events.some((e: { name: string }) => e.name === 'dsw-connection-added'));
  const html = JSON.parse(readFileSync('dist/vscode.html-custom-data.json', 'utf8'));
  assert.deepEqual(html.tags.map((t: { name: string }) => t.name).sort(), tags);
  const css = JSON.parse(readFileSync('dist/vscode.css-custom-data.json', 'utf8'));
  assert.ok(css.properties.some((p: { name: string }) => p.name === '--dsw-color-primary'));
});

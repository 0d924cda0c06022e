#!/usr/bin/env node
// Production build: ESM modules with .d.ts files (what bundler users import) and the CDN build,
// an entry file with Lit included that defines the tags, the autoloader (each tag's code loaded
// when the page first holds one), and the chunks they load on demand (the settings dialog, the
// authorization flow, each element for the autoloader) in dist/chunks/. Template text (CSS and markup) is
// minified in both, as JS minifiers leave it alone.
import { appendFileSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { minifyTemplates, minifyTemplatesPlugin } from './minify-templates.mjs';
import { unreachableFiles } from './package-files.mjs';

rmSync('dist', { recursive: true, force: true });
execSync('npx tsc -p tsconfig.json', { stdio: 'inherit' });
for (const entry of readdirSync('dist', { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const file = join('dist', entry);
  writeFileSync(file, minifyTemplates(readFileSync(file, 'utf8'), file));
}
// The tags' global types (a declaration file tsc does not emit), brought by every entry: the
// entries' sources import them; the element modules, which are entries too, get the line here
// (in their sources it would close a cycle, as the types name the classes).
copyFileSync('src/types/globals.d.ts', 'dist/types/globals.d.ts');
for (const element of ['data-source-provider', 'data-source-card', 'connection-settings-dialog', 'reconnect-banner']) {
  appendFileSync(`dist/${element}/${element}.d.ts`, "export type {} from '../types/globals.js';\n");
}
const cdnBuild = {
  entryPoints: { 'data-source-widgets.bundle': 'src/bundle.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [minifyTemplatesPlugin],
};
await build(cdnBuild);
// The autoloader, built on its own (sharing chunks with the bundle would split the bundle's
// first load into many more files): a small entry file, and a chunk per element it loads.
await build({
  ...cdnBuild,
  entryPoints: { 'data-source-widgets.autoloader': 'src/autoloader.ts' },
  chunkNames: 'chunks/autoloader/[name]-[hash]',
});
execSync('node scripts/editor-data.mjs', { stdio: 'inherit' });
// Nothing ships that no entry reaches: modules that hold types only, tsc's build of src/bundle.ts
// (the `bundle` entry is the esbuild file), declarations that no public type names.
for (const file of unreachableFiles()) rmSync(file);
console.log('dist/ written');

#!/usr/bin/env node
// Production build: ESM modules with .d.ts files (what bundler users import) and the CDN build,
// an entry file with Lit included that defines the tags, and the chunks it loads on demand (the
// settings dialog, the authorization flow) in dist/chunks/. Template text (CSS and markup) is
// minified in both, as JS minifiers leave it alone.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { build } from 'esbuild';
import { minifyTemplates, minifyTemplatesPlugin } from './minify-templates.mjs';

rmSync('dist', { recursive: true, force: true });
execSync('npx tsc -p tsconfig.json', { stdio: 'inherit' });
for (const entry of readdirSync('dist', { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const file = join('dist', entry);
  writeFileSync(file, minifyTemplates(readFileSync(file, 'utf8'), file));
}
await build({
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
});
execSync('node scripts/editor-data.mjs', { stdio: 'inherit' });
console.log('dist/ written');

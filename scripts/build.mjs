#!/usr/bin/env node
// Production build: ESM modules with .d.ts files (what bundler users import) and one minified
// file with Lit included that defines the tags (what a plain <script type="module"> loads).
import { rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execSync('npx tsc -p tsconfig.json', { stdio: 'inherit' });
await build({
  entryPoints: ['src/bundle.ts'],
  outfile: 'dist/data-source-widgets.bundle.js',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
execSync('node scripts/editor-data.mjs', { stdio: 'inherit' });
console.log('dist/ written');

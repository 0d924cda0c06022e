#!/usr/bin/env node
// Bundle bytes: each entry bundled with its dependencies (Lit included), minified by esbuild,
// then gzipped (level 9). `node bench/size.mjs` prints a Markdown table; `--json` prints JSON.
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const entries = [
  ['lit alone (floor)', `export * from 'lit';`],
  ['client + store + provider', `export { ApiClient } from './src/api/client.js';
export { ConnectionStore } from './src/store/connection-store.js';
export { DataSourceProvider } from './src/data-source-provider/data-source-provider.js';`],
  ['<data-source-provider> defined', `import './src/define/data-source-provider.js';`],
  ['<data-source-card> defined (+ dialog it opens)', `import './src/define/data-source-card.js';`],
  ['<connection-settings-dialog> defined', `import './src/define/connection-settings-dialog.js';`],
  ['<reconnect-banner> defined', `import './src/define/reconnect-banner.js';`],
  ['everything (single-file build)', `import './src/bundle.ts';`],
];

async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const rows = [];
for (const [name, contents] of entries) {
  const file = contents.match(/'\.\/(src\/[^']+)'/)?.[1];
  if (file && !existsSync(file.replace(/\.js$/, '.ts'))) continue;
  rows.push({ name, ...(await measure(contents)) });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('| entry | min | min+gzip |\n| --- | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.name} | ${kb(row.min)} | ${kb(row.gzip)} |`);
}

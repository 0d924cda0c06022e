#!/usr/bin/env node
// Bundle bytes as a page loads them: each case built by esbuild the way the package ships
// (minified, template text minified, code split at the lazy `import()`s), then gzipped (level 9).
// "Before any click" is the entry and the chunks it imports statically, as one file (what an
// app's bundler would make of it); what loads on demand is counted apart.
// `node bench/size.mjs` prints a Markdown table; `--json` prints JSON.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.mjs';

const cases = [
  ['lit alone (floor)', `export * from 'lit';`],
  ['a page of cards (provider + card)', `import './src/define/data-source-provider.js'; import './src/define/data-source-card.js';`],
  ['a page of banners (provider + banner)', `import './src/define/data-source-provider.js'; import './src/define/reconnect-banner.js';`],
  ['everything (the CDN build)', `import './src/bundle.ts';`],
];

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    outdir: 'out',
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [minifyTemplatesPlugin],
  });
  const files = new Map(result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path.split('/').pop(), f.contents]));
  const imports = (name) => Object.entries(result.metafile.outputs).find(([path]) => path.split('/').pop() === name)[1].imports;
  // The entry and what it imports statically, transitively: what loads before any click.
  const first = [];
  const visit = (name) => {
    if (first.includes(name)) return;
    first.push(name);
    for (const i of imports(name)) if (i.kind !== 'dynamic-import') visit(i.path.split('/').pop());
  };
  const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === '<stdin>')[0];
  visit(entry.split('/').pop());
  const concat = (names) => Buffer.concat(names.map((name) => files.get(name)));
  // A page loads one language at most: the locales are counted apart, by the largest.
  const locale = (name) => /^(de|fr|es|pt-BR|ja|zh-CN|ar)-/.test(name);
  const all = [...files.keys()].filter((name) => !locale(name));
  const locales = [...files.keys()].filter(locale);
  return {
    min: concat(first).length,
    gzip: gzip(concat(first)),
    onDemandGzip: gzip(concat(all)) - gzip(concat(first)),
    allGzip: gzip(concat(all)),
    largestLocaleGzip: Math.max(0, ...locales.map((name) => gzip(files.get(name)))),
  };
}

const rows = [];
for (const [name, contents] of cases) rows.push({ name, ...(await measure(contents)) });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const b = (n) => n.toLocaleString('en-US');
  console.log('| page | min, before any click | min+gzip, before any click | + on demand (dialog, pop-up flow) | all | + one locale (largest) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.name} | ${b(row.min)} B | ${b(row.gzip)} B | ${b(row.onDemandGzip)} B | ${b(row.allGzip)} B | ${b(row.largestLocaleGzip)} B |`);
  }
}

// Bundles what the benchmark pages load that `npm run build` does not make: the plain-Lit
// baseline and, for profiling, the library unminified. Both in bench/.out/ (gitignored).
// Lit's production build: the `conditions` list leaves out 'development' (esbuild adds
// 'browser', 'import' and 'default' itself), so no dev-mode checks distort the figures.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

export const outDir = 'bench/.out';
export const widgetsBundle = 'dist/data-source-widgets.bundle.js';
export const baselineBundle = `${outDir}/baseline.bundle.js`;
export const profileBundle = `${outDir}/widgets.unminified.bundle.js`;

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  legalComments: 'none',
  logLevel: 'warning',
};

/** The plain-Lit baseline, minified like the production bundle it is compared with. */
export async function buildBaseline() {
  await build({ ...common, entryPoints: ['bench/baseline/index.ts'], outfile: baselineBundle, minify: true });
  return baselineBundle;
}

/** The whole library, production Lit, not minified: names and lines in a CPU profile mean something. */
export async function buildProfileBundle() {
  await build({ ...common, entryPoints: ['src/bundle.ts'], outfile: profileBundle, minify: false, sourcemap: false });
  return profileBundle;
}

export function requireWidgetsBundle() {
  if (!existsSync(widgetsBundle)) throw new Error(`${widgetsBundle} is missing: run \`npm run build\` first (\`npm run bench\` does).`);
  return widgetsBundle;
}

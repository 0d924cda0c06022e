#!/usr/bin/env node
// The import graph of src/ and the rules it keeps: no cycle (type-only imports count: they
// tie modules together for a reader as much as values do; a lazy `import()` does not, as it is
// the way to load later what a module must not pull in now), no element folder importing
// another element's folder, and element classes imported only by their own folder and the
// entries that register or export them. `node scripts/import-graph.mjs` prints what breaks a rule.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The folders that hold one element each (the element class is `<folder>/<folder>.ts`). */
export const elementFolders = ['data-source-card', 'connection-settings-dialog', 'reconnect-banner', 'data-source-provider'];
/** Where element classes may be imported from: registration, the public entries, and the tags' global types. */
const entryPoints = [/^define\//, /^react\//, /^index\.ts$/, /^exports\.ts$/, /^bundle\.ts$/, /^ssr\.ts$/, /^types\/globals\.d\.ts$/];

const staticSpecifiers = /(?:^|[\s;])(?:import|export)\b[^'"()]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
const lazySpecifiers = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/**
 * Module → the modules of `root` it imports (paths relative to `root`, `.ts`), in two lists:
 * static imports (values and types), and lazy ones (`import()`, loaded when called).
 */
export function importGraph(root) {
  const graph = new Map();
  for (const file of walk(root)) {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const targets = (pattern) => {
      const found = new Set();
      for (const match of source.matchAll(pattern)) {
        const spec = match[1] ?? match[2];
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), spec)).replace(/\.js$/, '.ts');
        // A hand-written declaration file is imported as `x.js` too.
        const declaration = target.replace(/\.ts$/, '.d.ts');
        found.add(existsSync(join(root, declaration)) ? declaration : target);
      }
      return [...found].sort();
    };
    graph.set(relative(root, file), { imports: targets(staticSpecifiers), lazyImports: targets(lazySpecifiers) });
  }
  return graph;
}

/** Every cycle, each once, as the list of modules around it (first module repeated at the end). */
export function findCycles(graph) {
  const cycles = [];
  const seen = new Set();
  const state = new Map(); // module → 'open' while on the path, 'done' after
  const path = [];
  const visit = (module) => {
    state.set(module, 'open');
    path.push(module);
    for (const next of graph.get(module)?.imports ?? []) {
      if (state.get(next) === 'open') {
        const cycle = path.slice(path.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next) && graph.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return cycles;
}

const folderOf = (module) => (module.includes('/') ? module.slice(0, module.indexOf('/')) : '');
const isElementClass = (module) => elementFolders.some((folder) => module === `${folder}/${folder}.ts`);

/** Imports that cross the layers: one element folder into another, or an element class from shared code. */
export function layerViolations(graph) {
  const violations = [];
  for (const [module, { imports, lazyImports }] of graph) {
    const from = folderOf(module);
    for (const target of [...imports, ...lazyImports]) {
      const to = folderOf(target);
      if (elementFolders.includes(from) && elementFolders.includes(to) && from !== to) {
        violations.push(`${module} imports ${target}: element folders do not import each other`);
      } else if (isElementClass(target) && from !== to && !entryPoints.some((entry) => entry.test(module))) {
        violations.push(`${module} imports the element ${target}: go through a loader or an event`);
      }
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = importGraph(resolve(process.argv[2] ?? 'src'));
  const problems = [
    ...findCycles(graph).map((cycle) => `cycle: ${cycle.join(' → ')}`),
    ...layerViolations(graph),
  ];
  for (const problem of problems) console.error(problem);
  console.log(problems.length ? `${problems.length} problem(s) in the import graph` : `import graph: ${graph.size} modules, no cycle, layers kept`);
  process.exit(problems.length ? 1 : 0);
}

// What the package's entries reach: every file in dist/ that an export of package.json leads
// to, following static and dynamic imports in .js files and imports in .d.ts files, with the
// source map beside a reached .js file. The build removes the rest of dist/ (modules that hold
// types only, declarations of internal modules no public type names), so nothing unreachable ships.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The export targets of package.json, with `*` patterns expanded against dist/. */
function exportTargets(pkg) {
  const targets = [];
  for (const target of Object.values(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      if (!file.includes('*')) {
        targets.push(normalize(file));
        continue;
      }
      const [before, after] = file.split('*');
      const dir = normalize(before).replace(/[^/]*$/, '');
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (path.startsWith(normalize(before)) && path.endsWith(after) && !(after === '.js' && path.endsWith('.d.ts'))) targets.push(path);
      }
    }
  }
  return targets;
}

const specifiers = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Files of dist/ the exports reach (or the files given), as paths relative to the package root (`dist/x.js`). */
export function reachableFiles(pkg = JSON.parse(readFileSync('package.json', 'utf8')), from = exportTargets(pkg)) {
  const reached = new Set();
  const queue = [...from];
  while (queue.length > 0) {
    const file = queue.pop();
    if (reached.has(file) || !existsSync(file)) continue;
    reached.add(file);
    if (existsSync(`${file}.map`)) reached.add(`${file}.map`);
    if (!/\.[cm]?[jt]s$/.test(file)) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(specifiers)) {
      const target = normalize(join(dirname(file), specifier));
      queue.push(file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target);
    }
  }
  return reached;
}

/** Files of dist/ no export reaches. */
export function unreachableFiles(pkg) {
  const reached = reachableFiles(pkg);
  return readdirSync('dist', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !reached.has(file));
}

// The manifest is generated from the JSDoc of the element classes; `npm test` fails when the
// committed custom-elements.json differs from what this produces. Storybook's docs tables,
// editors and scripts/editor-data.mjs read it, so it holds the public API of the elements only.

import { readFileSync } from 'node:fs';

/** Event class name → its `detail` type written out, e.g. `{ sourceId: string; connection: Connection }`. */
const eventDetails = new Map();

/**
 * Reads the event classes (src/events/*.ts, `class X extends DswEvent<Detail>`) and their detail
 * interfaces and type aliases, so that each element's events can say what `detail` carries.
 */
function eventDetailTypes() {
  const interfaces = new Map();
  const aliases = new Map();
  const detailOf = new Map();
  return {
    name: 'dsw-event-detail-types',
    collectPhase({ ts, node }) {
      if (!node.getSourceFile().fileName.startsWith('src/events/')) return;
      if (ts.isInterfaceDeclaration(node)) {
        const members = node.members
          .filter(ts.isPropertySignature)
          .map((m) => `${m.name.getText()}${m.questionToken ? '?' : ''}: ${m.type?.getText() ?? 'unknown'}`);
        interfaces.set(node.name.text, `{ ${members.join('; ')} }`);
      } else if (ts.isTypeAliasDeclaration(node)) {
        aliases.set(node.name.text, node.type.getText());
      } else if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses?.[0]?.types[0];
        const detail = base?.typeArguments?.[0]?.getText();
        if (base?.expression.getText() === 'DswEvent' && detail) detailOf.set(node.name.text, detail);
      }
    },
    packageLinkPhase() {
      const expand = (type) => (aliases.has(type) ? aliases.get(type) : type);
      for (const [event, detail] of detailOf) {
        const shape = (interfaces.get(detail) ?? detail).replace(/: (\w+)(;| })/g, (all, type, end) => `: ${expand(type)}${end}`);
        eventDetails.set(event, shape);
      }
    },
  };
}

/**
 * Keeps what a host uses: the element modules, their public members (not private or protected
 * fields, not static styles), named events with their detail types. Drops the modules of the
 * client, store, styles, strings and helpers, which the docs would otherwise list as noise.
 */
function publicElementApi() {
  return {
    name: 'dsw-public-element-api',
    packageLinkPhase({ customElementsManifest }) {
      // A tag name marks an element a host can place; the shared base class has none.
      const placeable = (d) => d.customElement && d.tagName;
      const modules = customElementsManifest.modules.filter((m) => m.declarations?.some(placeable));
      for (const module of modules) {
        module.declarations = module.declarations.filter(placeable);
        module.exports = module.exports?.filter((e) => module.declarations.some((d) => d.name === e.declaration?.name));
        for (const element of module.declarations) {
          element.members = element.members?.filter(
            (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'),
          );
          // The analyzer also lists `dispatchEvent(new SomeEvent(…))` calls it cannot name; the
          // `@fires` tags name every event.
          element.events = element.events?.filter((e) => e.name);
          for (const event of element.events ?? []) {
            const detail = eventDetails.get(event.type?.text);
            if (detail) event.description = `${event.description ?? ''} \`detail\`: \`${detail}\``.trim();
          }
        }
      }
      customElementsManifest.modules = modules;
    },
  };
}

/**
 * Points every module reference at the file the package ships (`dist/x.js`, the build of
 * `src/x.ts`): the sources are not in the package, and editors and tools follow these paths.
 */
function shippedPaths() {
  const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
        else visit(inner);
      }
    }
  };
  return { name: 'dsw-shipped-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest.modules) };
}

export default {
  globs: ['src/**/*.ts'],
  // The glob lists files in the file system's directory order, which differs between machines,
  // and the manifest follows that order: sorted, it is the same byte for byte everywhere.
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs].sort().map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true)),
  exclude: ['src/**/*.test.ts', 'src/bundle.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
  // The `customElements` field of package.json is set by hand: a run with another --outdir
  // (a scratch check) must not rewrite the package file.
  packagejson: false,
  plugins: [eventDetailTypes(), publicElementApi(), shippedPaths()],
};

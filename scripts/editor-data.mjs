#!/usr/bin/env node
// Editor data generated from custom-elements.json, shipped in dist/ and named in package.json:
//  - vscode.html-custom-data.json: tags and attributes (completion, hover docs) for VS Code's
//    `html.customData` setting;
//  - vscode.css-custom-data.json: the `--dsw-*` properties and `::part()` names, for `css.customData`;
//  - web-types.json: tags, attributes, events, slots, parts and CSS properties for JetBrains IDEs
//    (WebStorm reads the `web-types` field of package.json by itself).
// The TypeScript side (tag names, JSX, Vue) is src/types/globals.d.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** `'light' | 'dark'` → its values; undefined for any other type. */
const enumValues = (type) =>
  /^('[^']*'\s*\|\s*)*'[^']*'$/.test(type?.text?.trim() ?? '') ? type.text.split('|').map((v) => v.trim().slice(1, -1)) : undefined;
const describe = (el) => [el.summary, el.description].filter(Boolean).join('\n\n');
const uniqueBy = (items, key) => [...new Map(items.map((item) => [key(item), item])).values()];

const htmlData = {
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: describe(el),
    attributes: (el.attributes ?? []).map((a) => ({
      name: a.name,
      description: a.description ?? '',
      ...(enumValues(a.type) ? { values: enumValues(a.type).map((name) => ({ name })) } : {}),
    })),
  })),
};

const cssData = {
  version: 1.1,
  properties: uniqueBy(
    elements.flatMap((el) => (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' }))),
    (p) => p.name,
  ).sort((a, b) => a.name.localeCompare(b.name)),
  pseudoElements: uniqueBy(
    elements.flatMap((el) => (el.cssParts ?? []).map((p) => ({ name: `::part(${p.name})`, description: `<${el.tagName}>: ${p.description ?? ''}` }))),
    (p) => p.name,
  ),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: describe(el),
        attributes: (el.attributes ?? []).map((a) => ({
          name: a.name,
          description: a.description ?? '',
          ...(a.default ? { default: a.default } : {}),
          value: enumValues(a.type)
            ? { type: a.type.text, kind: 'plain' }
            : { type: a.type?.text?.replace(/\s*\|\s*undefined/, '') ?? 'string', kind: 'expression' },
        })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
        js: {
          properties: (el.members ?? [])
            .filter((m) => m.kind === 'field')
            .map((m) => ({ name: m.name, description: m.description ?? '', ...(m.type ? { type: m.type.text } : {}) })),
          events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
        },
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

mkdirSync('dist', { recursive: true });
const write = (file, data) => writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
write('dist/vscode.html-custom-data.json', htmlData);
write('dist/vscode.css-custom-data.json', cssData);
write('dist/web-types.json', webTypes);
console.log(`editor data for ${elements.length} elements written to dist/`);

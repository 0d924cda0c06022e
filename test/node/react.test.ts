// The React example of docs/frameworks.md, run as a reader would run it, on the server: so the
// documented example keeps compiling and rendering, and the React entry keeps putting the tags
// and their attributes into server-rendered HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';

const root = new URL('../../', import.meta.url);
const docs = readFileSync(new URL('docs/frameworks.md', root), 'utf8');

/** The first tsx block of the React section. */
function reactExample(): string {
  const section = docs.slice(docs.indexOf('## React'));
  const code = section.match(/```tsx\n([\s\S]*?)```/)?.[1];
  assert.ok(code, 'docs/frameworks.md has a tsx block under "## React"');
  return code;
}

/**
 * Compiles the example and runs it as a module. Our package's entries point at the sources (no
 * build needed), other bare imports resolve from this repository, as they would in an app.
 */
async function load(code: string): Promise<Record<string, unknown>> {
  const ours: Record<string, URL> = {
    'data-source-widgets/react': new URL('src/react/index.ts', root),
    'data-source-widgets/define': new URL('src/define.ts', root),
  };
  const { code: js } = await transform(code, { loader: 'tsx', jsx: 'automatic', format: 'esm', target: 'node20' });
  const linked = js.replace(/(from\s*|import\()(["'])([^"']+)\2/g, (_match, keyword: string, quote: string, specifier: string) => {
    const url = ours[specifier]?.href ?? (/^[./]/.test(specifier) ? specifier : import.meta.resolve(specifier));
    return `${keyword}${quote}${url}${quote}`;
  });
  const dir = mkdtempSync(join(tmpdir(), 'dsw-react-example-'));
  try {
    const file = join(dir, 'example.mjs');
    writeFileSync(file, linked);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the React example renders the tags with their attributes on the server', async () => {
  const example = await load(reactExample());
  const App = example.default as ComponentType;
  assert.equal(typeof App, 'function', 'the example exports its component as default');
  const html = renderToString(createElement(App));

  assert.match(html, /^<data-source-provider endpoint="\/api\/connections">/);
  assert.match(html, /<reconnect-banner source="google-ads"><\/reconnect-banner>/);
  // Every prop an attribute carries is in the HTML, camelCase ones under their attribute's name.
  assert.match(html, /<data-source-card source="google-ads" heading-level="2"><\/data-source-card>/);
  assert.match(html, /<data-source-card source="facebook-ads" heading-level="2"><\/data-source-card>/);
  assert.match(html, /<\/data-source-provider>$/);
  // Functions and event handlers are set in the browser, never as attributes.
  assert.doesNotMatch(html, /getheaders|onconnectionadded|onerror|headinglevel|function/i);
});

test('the React entry has a prop for every event the manifest lists', () => {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const source = readFileSync(new URL('src/react/index.ts', root), 'utf8');
  const events = new Set<string>(
    manifest.modules.flatMap((m: { declarations?: { events?: { name: string }[] }[] }) =>
      (m.declarations ?? []).flatMap((d) => (d.events ?? []).map((e) => e.name)),
    ),
  );
  assert.ok(events.size >= 12, `the manifest lists the events (${events.size})`);
  for (const name of events) assert.ok(source.includes(`'${name}'`), `src/react/index.ts maps ${name}`);
});

test('server rendering keeps every prop an attribute carries, camelCase ones under their attribute names', async () => {
  const { DataSourceProvider, DataSourceCard, ConnectionSettingsDialog, ReconnectBanner } = await import(
    new URL('src/react/index.ts', root).href
  );
  const html = renderToString(
    createElement(
      DataSourceProvider,
      { endpoint: '/api', timeoutMs: 5000, authorizationTimeoutMs: 60000, expiryWarningDays: 3, locale: 'de', getHeaders: async () => ({}) },
      createElement(DataSourceCard, { source: 'ga4', headingLevel: 2, theme: 'dark', expiryWarningDays: 5 }),
      createElement(ReconnectBanner, { source: 'ga4', connection: 'c-1', headingLevel: 4 }),
      createElement(ConnectionSettingsDialog, { source: 'ga4', open: true, authorizationTimeoutMs: 1000 }),
    ),
  );
  assert.match(html, /<data-source-provider endpoint="\/api" timeout-ms="5000" authorization-timeout-ms="60000" expiry-warning-days="3" locale="de">/);
  assert.match(html, /<data-source-card source="ga4" heading-level="2" theme="dark" expiry-warning-days="5">/);
  assert.match(html, /<reconnect-banner source="ga4" connection="c-1" heading-level="4">/);
  assert.match(html, /<connection-settings-dialog source="ga4" open="" authorization-timeout-ms="1000">/);
  assert.doesNotMatch(html, /getheaders|timeoutms|headinglevel/i);
});

// The URL-valued fields of openapi.json (`format: uri-reference`) against the reference
// backend's real answers: each is written the same way in the document's examples and in the
// answers (absolute, from the site root, or relative to the endpoint), and every URL the backend
// gives relative to the endpoint or to the site resolves, against the endpoint, to a file it serves.
// Run: node --import tsx --test test/node/openapi-urls.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { call, serve } from './server-helpers.js';

const doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));

/** Names of the properties the document types as URLs. */
function urlFields(): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === 'object' && (value as { format?: string }).format === 'uri-reference') names.add(key);
      walk(value);
    }
  };
  walk(doc.components.schemas);
  return names;
}

/** Every value of a field named in `fields`, anywhere in `node`, as [field, value]. */
function urlsIn(node: unknown, fields: Set<string>, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item) => urlsIn(item, fields, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (fields.has(key) && typeof value === 'string') found.push([key, value]);
      else urlsIn(value, fields, found);
    }
  }
  return found;
}

const form = (url: string) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? 'absolute' : url.startsWith('/') ? 'from the site root' : 'relative to the endpoint');

/** The response examples of every operation. */
function responseExamples(): unknown[] {
  const examples: unknown[] = [];
  for (const item of Object.values<Record<string, { responses?: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }>>(doc.paths)) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(operation.responses ?? {})) {
        for (const example of Object.values(response.content?.['application/json']?.examples ?? {})) examples.push(example.value);
      }
    }
  }
  return examples;
}

test('URL fields: the backend writes them as the examples do, and serves what they point at', async (t) => {
  const fields = urlFields();
  assert.ok(fields.has('logoUrl'), 'logoUrl is a URL field');
  const documented = new Map<string, Set<string>>();
  for (const [field, url] of urlsIn(responseExamples(), fields)) documented.set(field, (documented.get(field) ?? new Set()).add(form(url)));
  assert.ok(documented.size > 0, 'the examples hold URLs');

  const server = await serve(t);
  const endpoint = `${server.url}/api/`;
  const answers = [
    (await call(server, 'GET', '/api/data-sources')).body,
    (await call(server, 'GET', '/api/data-sources?include=connections&ids=google-ads,ga4')).body,
    (await call(server, 'GET', '/api/data-sources/google-ads')).body,
    (await call(server, 'POST', '/api/data-sources/google-ads/authorizations', { origin: server.url })).body,
  ];
  const given = urlsIn(answers, fields);
  assert.ok(given.some(([field]) => field === 'logoUrl'), 'the backend gives logos');
  for (const [field, url] of given) {
    const forms = documented.get(field);
    if (!forms) continue;
    assert.ok(forms.has(form(url)), `${field} ${url} is ${form(url)}; the examples write it ${[...forms].join(' or ')}`);
    if (form(url) === 'absolute') continue;
    const response = await fetch(new URL(url, endpoint), { redirect: 'manual' });
    assert.equal(response.status, 200, `${field} ${url}, against the endpoint ${endpoint}, is served`);
  }
});

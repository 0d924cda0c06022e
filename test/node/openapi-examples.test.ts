// Every example of openapi.json against the reference backend: each request example is sent
// over real HTTP (the document's example IDs mapped to seeded ones), and each answer's status
// and body must be what the document says for that operation. The examples must also fit their
// own schemas, so that hosts copying them copy something valid.
// Run: node --import tsx --test test/node/openapi-examples.test.ts
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BODY_LIMIT } from '../../demo/server/http.js';
import { startServer, type RunningServer } from '../../demo/server/server.js';
import { startPlatform, type Platform } from '../../demo/platform/platform.js';
import { oauthOptionsFor } from '../../demo/platform/wiring.js';
import type { Authorization, DataSource } from '../../src/api/types.js';
import * as coreValidators from '../../src/api/validate.js';
import * as linkValidators from '../../src/api/validate-links.js';
import { authorizeFlow, call, type Answer } from './server-helpers.js';
import { check, resolveRef, type Schema } from './server-schema.js';

/** The contract's validators: those every widget ships, and those of links and history (loaded with the dialog). */
const validators = { ...coreValidators, ...linkValidators };

const doc: Schema = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
const METHODS = ['get', 'post', 'patch', 'delete'] as const;

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  spec: Schema;
}

const deref = (node: Schema): Schema => (typeof node.$ref === 'string' ? deref(resolveRef(doc, node.$ref)) : node);

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    for (const method of METHODS) if (item[method]) list.push({ method, path, spec: item[method] as Schema });
  }
  // DELETE last: the other examples act on the connection it removes.
  return [...list.filter((op) => op.method !== 'delete'), ...list.filter((op) => op.method === 'delete')];
}

function jsonContent(node: Schema): Schema | undefined {
  return (node.content as Record<string, Schema> | undefined)?.['application/json'];
}

/** Every (schema, example) pair of the document: media types, parameters, component schemas. */
function examplePairs(): { where: string; schema: Schema; example: unknown }[] {
  const pairs: { where: string; schema: Schema; example: unknown }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (!node || typeof node !== 'object') return;
    const object = node as Schema;
    if (object.schema && typeof object.schema === 'object') {
      if ('example' in object) pairs.push({ where, schema: object.schema as Schema, example: object.example });
      for (const [name, entry] of Object.entries((object.examples as Record<string, Schema>) ?? {})) {
        pairs.push({ where: `${where} examples.${name}`, schema: object.schema as Schema, example: entry.value });
      }
    }
    for (const [key, child] of Object.entries(object)) if (key !== 'example' && key !== 'examples') walk(child, `${where}/${key}`);
  };
  walk(doc.paths, '#/paths');
  walk((doc.components as Schema).responses, '#/components/responses');
  walk((doc.components as Schema).parameters, '#/components/parameters');
  for (const [name, schema] of Object.entries((doc.components as Schema).schemas as Record<string, Schema>)) {
    for (const example of (schema.examples as unknown[] | undefined) ?? []) pairs.push({ where: `#/components/schemas/${name}`, schema, example });
  }
  return pairs;
}

let server: RunningServer & { token?: string };
/** The authorization server the backend is a client of: authorizations start there. */
let platform: Platform;
let dir: string;
/** Server faults (a 500 would be one); none is expected. */
const faults: string[] = [];
/** The document's example IDs → IDs the seeded database really has. */
const ids = new Map<string, string>();

function parameterExample(name: string): string {
  const parameter = deref((doc.components as Schema).parameters as Schema)[name] as Schema;
  return String(parameter.example);
}

/** Replaces every example ID (in path segments and body strings) with its seeded counterpart. */
function mapIds<T>(value: T): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map(mapIds) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapIds(v)])) as T;
  return value;
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? mapIds(parameterExample(name))));
}

/** Asserts the answer is documented for the operation and fits that response's schema. */
function assertDocumented(op: Operation, answer: Answer, expected: number): void {
  const label = `${op.method.toUpperCase()} ${op.path}`;
  assert.equal(answer.status, expected, `${label}: ${answer.text}`);
  const response = (op.spec.responses as Record<string, Schema>)[String(expected)];
  assert.ok(response, `${label}: ${expected} is not documented`);
  const content = jsonContent(deref(response));
  if (!content) {
    assert.equal(answer.text, '', `${label}: ${expected} is documented without a body`);
    return;
  }
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, label);
  const schema = content.schema as Schema;
  assert.deepEqual(check(doc, schema, answer.body, '$', { strict: true }), [], `${label} ${expected}: ${answer.text}`);
  // The widgets' own validators must accept what the document allows.
  const name = typeof schema.$ref === 'string' ? schema.$ref.split('/').at(-1) : undefined;
  const validate = (validators as Record<string, unknown>)[`validate${name}`] as ((value: unknown) => unknown) | undefined;
  if (validate) assert.doesNotThrow(() => validate(answer.body), `${label}: validate${name}`);
}

function successStatus(op: Operation): number {
  const statuses = Object.keys(op.spec.responses as Schema).map(Number).filter((s) => s >= 200 && s < 300);
  assert.equal(statuses.length, 1, `${op.method} ${op.path}: one success status`);
  return statuses[0]!;
}

/** The `error.code`s of a response's example or named examples: the causes it documents. */
function exampleCodes(op: Operation, status: number): string[] {
  const response = (op.spec.responses as Record<string, Schema>)[String(status)];
  const content = response && jsonContent(deref(response));
  if (!content) return [];
  const values = content.examples ? Object.values(content.examples as Record<string, Schema>).map((entry) => entry.value) : [content.example];
  return values.map((value) => (value as { error: { code: string } }).error.code);
}

function requestExample(op: Operation): unknown {
  const body = op.spec.requestBody ? jsonContent(deref(op.spec.requestBody as Schema)) : undefined;
  return body?.example;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dsw-openapi-'));
  platform = await startPlatform();
  const oauth = oauthOptionsFor(platform, randomBytes(32), { refreshIntervalMs: 0 });
  server = await startServer({ port: 0, dbPath: join(dir, 'demo.db'), log: (m) => faults.push(m), oauth });
  // The reference backend serves signed-in users only: `call` sends this token.
  server.token = await server.signIn('ada');
  // conn_1 is the main account in the examples, conn_2 a secondary one: take the seeded ones.
  const sourceId = parameterExample('sourceId');
  const { body } = await call<DataSource>(server, 'GET', `/api/data-sources/${sourceId}`);
  ids.set('conn_1', body.connections.find((c) => c.role === 'main')!.id);
  ids.set('conn_2', body.connections.find((c) => c.role === 'secondary')!.id);
  // lnk_1 is a pending link of that source: make one, as a widget would.
  const link = await call<{ id: string }>(server, 'POST', `/api/data-sources/${sourceId}/links`, { expiresInDays: 7 });
  ids.set('lnk_1', link.body.id);
});

after(async () => {
  assert.deepEqual(faults, []);
  await server.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openapi.json examples', () => {
  it('are checked by a checker that does catch departures', () => {
    const connection = { $ref: '#/components/schemas/Connection' };
    const good = { id: 'c', accountName: 'A', accountId: '1', status: 'active', role: 'main', createdAt: '2024-01-01T00:00:00Z', updatedAt: null };
    assert.deepEqual(check(doc, connection, good, '$', { strict: true }), []);
    const bad = { ...good, status: 'paused', updatedAt: 'yesterday', extra: 1 } as Record<string, unknown>;
    delete bad.role;
    assert.deepEqual(check(doc, connection, bad, '$', { strict: true }).sort(), [
      '$.status: "paused" is not one of ["active","error","unknown"]',
      '$.updatedAt: "yesterday" is not an RFC 3339 date-time',
      '$: "extra" is not in the schema',
      '$: "role" is required',
    ]);
    assert.deepEqual(check(doc, { $ref: '#/components/schemas/DataSourceList' }, { items: [{ id: 's', name: 'S', connectionCount: -1, errorCount: 0.5 }] }), [
      '$.items[0].connectionCount: -1 is below the minimum 0',
      '$.items[0].errorCount: is number, expected integer',
    ]);
  });

  it('fit their own schemas', () => {
    const pairs = examplePairs();
    assert.ok(pairs.length >= 20, `found ${pairs.length} examples`);
    for (const { where, schema, example } of pairs) {
      assert.deepEqual(check(doc, schema, example, '$', { strict: true }), [], where);
    }
  });

  for (const op of operations()) {
    it(`${op.method.toUpperCase()} ${op.path}: the example request gets the documented answer`, async () => {
      const params: Record<string, string> = {};
      if (op.path.endsWith('/selection')) {
        // A choice is open only after a sign-in that reached several accounts: a manager account's.
        const { authorization } = await authorizeFlow(server, parameterExample('sourceId'), { accountId: `mgr-4-${parameterExample('sourceId')}-mcc` });
        params.state = authorization.state;
      } else if (op.path.includes('{state}')) {
        // The example state is no live one: start a real authorization, as the widget would.
        const started = await call<Authorization>(server, 'POST', `/api/data-sources/${parameterExample('sourceId')}/authorizations`, {
          origin: 'https://reports.example.com',
        });
        params.state = started.body.state;
      }
      const body = requestExample(op);
      const answer = await call(server, op.method.toUpperCase(), `/api${fillPath(op.path, params)}`, body === undefined ? undefined : mapIds(body));
      assertDocumented(op, answer, successStatus(op));
    });
  }
});

describe('openapi.json error responses', () => {
  const unknownSource = { sourceId: 'no-such-source', connectionId: 'con_nope', state: 'A'.repeat(43) };
  // IDs the endpoint could never have issued (a typo in a host's `source` attribute): still 404.
  const malformed = { sourceId: 'Google Ads', connectionId: 'con nope!', state: 'short' };

  for (const op of operations()) {
    const documented = Object.keys(op.spec.responses as Schema);
    if (!documented.includes('404')) continue;
    it(`${op.method.toUpperCase()} ${op.path}: an unknown ID gets the documented 404`, async () => {
      const body = requestExample(op);
      const answer = await call(server, op.method.toUpperCase(), `/api${fillPath(op.path, unknownSource)}`, body === undefined ? undefined : mapIds(body));
      assertDocumented(op, answer, 404);
      const typo = await call(server, op.method.toUpperCase(), `/api${fillPath(op.path, malformed)}`, body === undefined ? undefined : mapIds(body));
      assertDocumented(op, typo, 404);
      if (op.path.includes('{connectionId}')) {
        for (const connectionId of ['con_nope', 'con nope!']) {
          const known = { sourceId: parameterExample('sourceId'), connectionId };
          assertDocumented(op, await call(server, op.method.toUpperCase(), `/api${fillPath(op.path, known)}`, body === undefined ? undefined : mapIds(body)), 404);
        }
      }
    });
  }

  for (const op of operations()) {
    if (!op.spec.requestBody || !Object.keys(op.spec.responses as Schema).includes('400')) continue;
    it(`${op.method.toUpperCase()} ${op.path}: a body without its required fields gets the documented 400`, async () => {
      assertDocumented(op, await call(server, op.method.toUpperCase(), `/api${fillPath(op.path)}`, {}), 400);
    });
  }

  it('POST /data-sources/{sourceId}/connections/{connectionId}/refresh: a connection in error gets the documented 409', async () => {
    const op = operations().find((o) => o.path.endsWith('/refresh'))!;
    const { body } = await call<{ items: { id: string }[] }>(server, 'GET', '/api/data-sources');
    let failing: { sourceId: string; connectionId: string } | undefined;
    for (const { id } of body.items) {
      const source = await call<DataSource>(server, 'GET', `/api/data-sources/${id}`);
      const connection = source.body.connections.find((c) => c.status === 'error');
      if (connection) failing ??= { sourceId: id, connectionId: connection.id };
    }
    assert.ok(failing, 'the seed has a connection in error');
    assertDocumented(op, await call(server, 'POST', `/api${fillPath(op.path, failing)}`), 409);
  });
});

// The converse of the above: each way the reference backend refuses a malformed request is sent
// to every operation it applies to, and the answer must be documented there, in the ErrorBody
// shape, with its code among that response's examples (so the examples name real causes).
describe('openapi.json client errors the reference backend gives', () => {
  interface Probe {
    name: string;
    status: number;
    applies(op: Operation): boolean;
    send(op: Operation, path: string): Promise<Answer>;
  }
  const hasBody = (op: Operation) => op.spec.requestBody !== undefined;
  const example = (op: Operation) => mapIds(requestExample(op) ?? {});
  const probes: Probe[] = [
    {
      name: 'a query parameter',
      status: 400,
      applies: () => true,
      send: (op, path) => call(server, op.method.toUpperCase(), `${path}?unexpected=1`, requestExample(op) === undefined ? undefined : example(op)),
    },
    {
      name: 'a method the path does not take',
      status: 405,
      applies: () => true,
      send: (_op, path) => call(server, 'PUT', path),
    },
    {
      name: 'a body that is not JSON',
      status: 400,
      applies: (op) => op.method !== 'get',
      send: (op, path) => call(server, op.method.toUpperCase(), path, '{"role": '),
    },
    {
      name: 'a body where none is taken',
      status: 400,
      applies: (op) => op.method !== 'get' && !hasBody(op),
      send: (op, path) => call(server, op.method.toUpperCase(), path, { unexpected: true }),
    },
    {
      name: 'a body over the size limit',
      status: 413,
      applies: (op) => op.method !== 'get',
      send: (op, path) => call(server, op.method.toUpperCase(), path, { padding: 'x'.repeat(BODY_LIMIT) }),
    },
    {
      name: 'a body that is not sent as JSON',
      status: 415,
      applies: hasBody,
      send: (op, path) => call(server, op.method.toUpperCase(), path, JSON.stringify(example(op)), { 'Content-Type': 'text/plain' }),
    },
  ];

  for (const op of operations()) {
    for (const probe of probes.filter((p) => p.applies(op))) {
      it(`${op.method.toUpperCase()} ${op.path}: ${probe.name} gets the documented ${probe.status}`, async () => {
        // A connection the examples above leave in place: a probe that got through would act on it.
        const path = `/api${fillPath(op.path, { connectionId: ids.get('conn_2')! })}`;
        const answer = await probe.send(op, path);
        assertDocumented(op, answer, probe.status);
        const { code } = (answer.body as { error: { code: string } }).error;
        assert.ok(exampleCodes(op, probe.status).includes(code), `${op.method.toUpperCase()} ${op.path} ${probe.status}: no example with code "${code}"`);
        if (probe.status === 405) {
          const methods = METHODS.filter((m) => (doc.paths as Record<string, Schema>)[op.path]![m]).map((m) => m.toUpperCase());
          assert.deepEqual(answer.headers.get('allow')?.split(', ').sort(), methods.sort(), 'Allow lists the documented methods');
        }
      });
    }
  }
});

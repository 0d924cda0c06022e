/// <reference types="node" />
// Keeps openapi.json and src/api/types.ts describing the same contract: the host implements the
// first, the widgets are typed by the second, and a field on one side only would break one of them.
// Run: node --import tsx --test test/node/openapi-types.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';
import * as validators from '../../src/api/validate.js';

type Schema = Record<string, any>;
type Doc = Schema;

const typesPath = new URL('../../src/api/types.ts', import.meta.url);
const typesSource = readFileSync(typesPath, 'utf8');
const openapi: Doc = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));

/** A type as a sorted union of parts: `string`, `null`, `"active"`, `array<…>`, `ref:Name`. */
const show = (parts: string[]): string => [...new Set(parts)].sort().join(' | ');

interface Field {
  required: boolean;
  type: string;
}
type Shapes = Map<string, Map<string, Field>>;

/** Exported interfaces (inherited members included) and exported type aliases of types.ts. */
function readTypes(source: string): { interfaces: Shapes; aliases: Map<string, string> } {
  const file = ts.createSourceFile('types.ts', source, ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeAliasDeclaration>();
  for (const statement of file.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
  }

  const parts = (node: ts.TypeNode): string[] => {
    if (ts.isParenthesizedTypeNode(node)) return parts(node.type);
    if (ts.isUnionTypeNode(node)) return node.types.flatMap(parts);
    if (ts.isArrayTypeNode(node)) return [`array<${show(parts(node.elementType))}>`];
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return ['null'];
      if (ts.isStringLiteral(node.literal)) return [JSON.stringify(node.literal.text)];
    }
    if (node.kind === ts.SyntaxKind.StringKeyword) return ['string'];
    if (node.kind === ts.SyntaxKind.NumberKeyword) return ['number'];
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return ['boolean'];
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      // Interfaces stay references, like `$ref`s to object schemas; aliases are expanded.
      if (interfaces.has(name)) return [`ref:${name}`];
      const alias = aliases.get(name);
      if (alias) return parts(alias.type);
    }
    throw new Error(`types.ts: this test does not understand the type \`${node.getText()}\``);
  };

  const fields = (declaration: ts.InterfaceDeclaration): Map<string, Field> => {
    const result = new Map<string, Field>();
    for (const clause of declaration.heritageClauses ?? []) {
      for (const base of clause.types) {
        const parent = interfaces.get(base.expression.getText());
        if (!parent) throw new Error(`types.ts: ${declaration.name.text} extends an unknown interface`);
        for (const [name, field] of fields(parent)) result.set(name, field);
      }
    }
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) {
        throw new Error(`types.ts: ${declaration.name.text} has a member this test does not understand`);
      }
      result.set(member.name.getText(), { required: !member.questionToken, type: show(parts(member.type)) });
    }
    return result;
  };

  return {
    interfaces: new Map([...interfaces].map(([name, declaration]) => [name, fields(declaration)])),
    aliases: new Map([...aliases].map(([name, declaration]) => [name, show(parts(declaration.type))])),
  };
}

const isObjectSchema = (schema: Schema): boolean => schema.type === 'object' || 'properties' in schema;

/** The same description of an OpenAPI schema; `$ref`s to object schemas stay references. */
function schemaParts(doc: Doc, schema: Schema): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`openapi.json: unresolved ${schema.$ref}`);
    return isObjectSchema(target) ? [`ref:${name}`] : schemaParts(doc, target);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.flatMap((member: Schema) => schemaParts(doc, member));
  const literal = (value: unknown) => (value === null ? 'null' : JSON.stringify(value));
  if ('const' in schema) return [literal(schema.const)];
  if (schema.enum) return schema.enum.map(literal);
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((type) => {
    if (type === 'array') return `array<${show(schemaParts(doc, schema.items))}>`;
    if (type === 'integer') return 'number';
    if (['string', 'number', 'boolean', 'null'].includes(type)) return type;
    throw new Error(`openapi.json: this test does not understand ${JSON.stringify(schema)}`);
  });
}

/** Every difference between types.ts and openapi.json, as readable lines; empty when equal. */
function differences(source: string, doc: Doc): string[] {
  const { interfaces, aliases } = readTypes(source);
  const schemas: Record<string, Schema> = doc.components?.schemas ?? {};
  const problems: string[] = [];
  for (const name of Object.keys(schemas)) {
    if (!interfaces.has(name) && !aliases.has(name)) problems.push(`${name}: a schema with no type in types.ts`);
  }
  for (const [name, type] of aliases) {
    if (!schemas[name]) continue; // Aliases may be inlined; interfaces may not.
    const described = show(schemaParts(doc, schemas[name]));
    if (described !== type) problems.push(`${name}: types.ts says ${type}, openapi.json says ${described}`);
  }
  for (const [name, fields] of interfaces) {
    const schema = schemas[name];
    if (!schema) {
      problems.push(`${name}: no schema in openapi.json`);
      continue;
    }
    const properties: Record<string, Schema> = schema.properties ?? {};
    const required = new Set<string>(schema.required ?? []);
    for (const key of Object.keys(properties)) {
      if (!fields.has(key)) problems.push(`${name}.${key}: only in openapi.json`);
    }
    for (const [key, field] of fields) {
      const property = properties[key];
      if (!property) {
        problems.push(`${name}.${key}: only in types.ts`);
        continue;
      }
      if (field.required !== required.has(key)) {
        problems.push(`${name}.${key}: ${field.required ? 'required' : 'optional'} in types.ts, not in openapi.json`);
      }
      const described = show(schemaParts(doc, property));
      if (described !== field.type) problems.push(`${name}.${key}: types.ts says ${field.type}, openapi.json says ${described}`);
    }
  }
  return problems;
}

const clone = (): Doc => structuredClone(openapi);

test('every exported interface of types.ts has the same schema in openapi.json', () => {
  assert.deepEqual(differences(typesSource, openapi), []);
});

test('a field added to openapi.json only is reported', () => {
  const doc = clone();
  doc.components.schemas.Connection.properties.nickname = { type: 'string' };
  assert.deepEqual(differences(typesSource, doc), ['Connection.nickname: only in openapi.json']);
});

test('a field added to types.ts only is reported', () => {
  const source = typesSource.replace('export interface Connection {', 'export interface Connection {\n  nickname?: string;');
  assert.notEqual(source, typesSource);
  assert.deepEqual(differences(source, openapi), ['Connection.nickname: only in types.ts']);
});

test('a changed required/optional split, type, enum or nullability is reported', () => {
  const doc = clone();
  const { schemas } = doc.components;
  schemas.DataSourceSummary.required.push('logoUrl');
  schemas.ConnectionRole.enum.push('owner');
  schemas.Connection.properties.updatedAt.type = 'string';
  schemas.ConnectionList.properties.items.items = { $ref: '#/components/schemas/DataSourceSummary' };
  assert.deepEqual(differences(typesSource, doc).sort(), [
    'Connection.role: types.ts says "main" | "secondary", openapi.json says "main" | "owner" | "secondary"',
    'Connection.updatedAt: types.ts says null | string, openapi.json says string',
    'ConnectionList.items: types.ts says array<ref:Connection>, openapi.json says array<ref:DataSourceSummary>',
    'ConnectionRole: types.ts says "main" | "secondary", openapi.json says "main" | "owner" | "secondary"',
    'DataSourceSummary.logoUrl: optional in types.ts, not in openapi.json',
  ]);
});

test('an interface without a schema, or a schema without a type, is reported', () => {
  const doc = clone();
  doc.components.schemas.Extra = doc.components.schemas.ErrorBody;
  delete doc.components.schemas.ErrorBody;
  assert.deepEqual(differences(typesSource, doc).sort(), [
    'ErrorBody: no schema in openapi.json',
    'Extra: a schema with no type in types.ts',
  ]);
});

// --- The document itself -------------------------------------------------------------------

const contract: [method: string, path: string][] = [
  ['get', '/data-sources'],
  ['get', '/data-sources/{sourceId}'],
  ['get', '/data-sources/{sourceId}/connections'],
  ['post', '/data-sources/{sourceId}/authorizations'],
  ['get', '/authorizations/{state}'],
  ['post', '/authorizations/{state}/selection'],
  ['delete', '/authorizations/{state}/selection'],
  ['patch', '/data-sources/{sourceId}/connections/{connectionId}'],
  ['post', '/data-sources/{sourceId}/connections/{connectionId}/refresh'],
  ['delete', '/data-sources/{sourceId}/connections/{connectionId}'],
];

/** Follows a local `$ref` (components.responses and the like) to what it names. */
function resolve<T extends Schema>(value: T): T {
  if (!value.$ref) return value;
  const target = String(value.$ref)
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, key) => node?.[key], openapi);
  assert.ok(target, `unresolved ${value.$ref}`);
  return resolve(target);
}

const operations = contract.map(([method, path]) => ({ method, path, operation: openapi.paths[path]?.[method] }));
const validatorOf = (schema: Schema): ((value: unknown) => unknown) => {
  const name = String(schema.$ref ?? '').replace('#/components/schemas/', '');
  const validator = (validators as Record<string, (value: unknown) => unknown>)[`validate${name}`];
  assert.ok(validator, `no validator for ${JSON.stringify(schema)}`);
  return validator;
};

test('openapi.json is 3.1 on /api and has exactly the paths and methods of the contract', () => {
  assert.match(openapi.openapi, /^3\.1\./);
  assert.deepEqual(openapi.servers.map((server: Schema) => server.url), ['/api']);
  for (const { method, path, operation } of operations) assert.ok(operation, `${method.toUpperCase()} ${path}`);
  const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.keys(item as Schema)
      .filter((key) => ['get', 'put', 'post', 'patch', 'delete'].includes(key))
      .map((method) => `${method} ${path}`),
  );
  assert.deepEqual(documented.sort(), contract.map(([method, path]) => `${method} ${path}`).sort());
});

test('every body has an example the runtime validators accept unchanged', () => {
  let checked = 0;
  for (const { method, path, operation } of operations) {
    const where = `${method.toUpperCase()} ${path}`;
    const request = operation.requestBody?.content?.['application/json'];
    if (request) {
      assert.ok(request.example, `${where}: request body example`);
      assert.deepEqual(validatorOf(request.schema)(request.example), request.example, `${where}: request example`);
      checked++;
    }
    for (const [status, reference] of Object.entries<Schema>(operation.responses)) {
      const response = resolve(reference);
      const body = response.content?.['application/json'];
      if (Number(status) >= 400) {
        assert.equal(body?.schema?.$ref, '#/components/schemas/ErrorBody', `${where} ${status}: ErrorBody`);
      }
      if (!body) {
        assert.equal(status, '204', `${where} ${status}: only a 204 has no body`);
        continue;
      }
      // One `example`, or named `examples` where an answer has several causes (a 400's).
      const examples: [string, unknown][] = body.examples
        ? Object.entries<Schema>(body.examples).map(([name, entry]) => [`examples.${name}`, entry.value])
        : [['example', body.example]];
      assert.ok(!(body.example && body.examples), `${where} ${status}: example and examples are exclusive`);
      for (const [name, example] of examples) {
        assert.ok(example, `${where} ${status}: ${name}`);
        assert.deepEqual(validatorOf(body.schema)(example), example, `${where} ${status}: ${name}`);
        checked++;
      }
    }
  }
  const message = openapi.components.schemas.AuthorizationMessage;
  for (const example of message.examples) {
    assert.deepEqual(validators.validateAuthorizationMessage(example), example);
    checked++;
  }
  assert.ok(checked > 40, `only ${checked} examples`);
});

test('every operation documents the answers any request may get, and body routes the body ones', () => {
  // 401/429/500/503 come from a host's stack whatever the route (src/api/client.ts handles each);
  // 400/405 from routes that validate their input; 413/415 from those that read a JSON body.
  for (const { method, path, operation } of operations) {
    const statuses = Object.keys(operation.responses);
    for (const status of ['400', '401', '405', '429', '500', '503']) assert.ok(statuses.includes(status), `${method.toUpperCase()} ${path}: ${status}`);
    if (operation.requestBody) {
      for (const status of ['413', '415']) assert.ok(statuses.includes(status), `${method.toUpperCase()} ${path}: ${status}`);
    }
  }
});

test('the client module loads without touching window, and resolves URLs in Node', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const trap = { configurable: true, get: () => assert.fail('window touched at module load') };
  Object.defineProperty(globalThis, 'window', trap);
  let module: typeof import('../../src/api/client.js');
  try {
    module = await import('../../src/api/client.js');
  } finally {
    delete (globalThis as { window?: unknown }).window;
  }
  const { ApiClient } = module;
  const client = new ApiClient({ endpoint: 'https://reports.example.com/api' });
  assert.equal(client.resolveUrl('data-sources'), 'https://reports.example.com/api/data-sources');
  assert.throws(() => new ApiClient({ endpoint: '/api' }).resolveUrl('data-sources'), TypeError);
});

// A checker for the subset of JSON Schema that openapi.json uses (type, enum, required,
// properties, items, minimum, format, $ref). It refuses keywords it does not know, so a schema
// that grows past this subset fails loudly instead of passing unchecked.

export type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples']);
const KEYWORDS = new Set(['$ref', 'type', 'enum', 'required', 'properties', 'items', 'minimum', 'format']);

/** `#/components/schemas/Connection` → that object of the document. */
export function resolveRef(doc: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (!node || typeof node !== 'object') throw new Error(`Unresolved $ref ${ref}`);
  return node as Schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function formatProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'date-time':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'is not an RFC 3339 date-time';
    case 'uri':
      return URL.canParse(value) ? undefined : 'is not an absolute URI';
    case 'uri-reference':
      return URL.canParse(value, 'http://base.invalid/') ? undefined : 'is not a URI reference';
    default:
      throw new Error(`Unsupported format "${format}"`);
  }
}

export interface CheckOptions {
  /** Report properties the schema does not declare (what the reference backend must not send). */
  strict?: boolean;
}

/** Every way `value` departs from `schema`, as "path: problem" lines; empty when it fits. */
export function check(doc: Schema, schema: Schema, value: unknown, path = '$', options: CheckOptions = {}): string[] {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`Unsupported schema keyword "${key}" at ${path}`);
  }
  const problems: string[] = [];
  if (typeof schema.$ref === 'string') problems.push(...check(doc, resolveRef(doc, schema.$ref), value, path, options));

  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const fits = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!fits) return [...problems, `${path}: is ${actual}, expected ${allowed.join(' or ')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) {
    problems.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
  }
  if (typeof schema.format === 'string' && typeof value === 'string') {
    const problem = formatProblem(schema.format, value);
    if (problem) problems.push(`${path}: ${JSON.stringify(value)} ${problem}`);
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in object)) problems.push(`${path}: "${name}" is required`);
    }
    const properties = schema.properties as Record<string, Schema> | undefined;
    for (const [name, item] of Object.entries(object)) {
      const property = properties?.[name];
      if (property) problems.push(...check(doc, property, item, `${path}.${name}`, options));
      else if (options.strict && properties) problems.push(`${path}: "${name}" is not in the schema`);
    }
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => problems.push(...check(doc, schema.items as Schema, item, `${path}[${i}]`, options)));
  }
  return problems;
}

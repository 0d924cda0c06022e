// Markdown for the docs site (Storybook MDX pages): the repository's own documents, with their
// links between files turned into links between the site's pages, and the HTTP contract written
// out from openapi.json.

/** Repository files → the site's page that shows them. */
const pages: Record<string, string> = {
  'README.md': '?path=/docs/introduction--docs',
  'docs/tokens.md': '?path=/docs/reference-design-tokens--docs',
  'docs/frameworks.md': '?path=/docs/guides-react--docs',
  'openapi.json': '?path=/docs/reference-http-contract--docs',
  'custom-elements.json': '?path=/docs/widgets-data-source-card--docs',
};

/** `markdown` (a file at `from`, relative to the repository) with its links pointing into the site. */
export function siteLinks(markdown: string, from = ''): string {
  const base = new URL(from, 'https://repo.invalid/');
  return markdown.replace(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g, (link, target: string) => {
    if (/^[a-z]+:|^\?/.test(target)) return link;
    const path = new URL(target, base).pathname.slice(1);
    return pages[path] ? `](${pages[path]})` : link;
  });
}

/** The part of `markdown` under the heading `## title…`, up to the next `## `, heading included. */
export function section(markdown: string, title: string): string {
  const start = markdown.search(new RegExp(`^## ${title}`, 'm'));
  if (start < 0) throw new Error(`No "## ${title}" section`);
  const next = markdown.slice(start + 3).search(/^## /m);
  return markdown.slice(start, next < 0 ? undefined : start + 3 + next);
}

type Node = Record<string, unknown>;

/** The HTTP contract as a page: each operation with its parameters, body, answers and examples; then the schemas. */
export function contractMarkdown(doc: Node): string {
  const resolve = (node: Node): Node => {
    const ref = node.$ref as string | undefined;
    if (!ref) return node;
    return resolve(ref.slice(2).split('/').reduce<Node>((at, key) => at[key] as Node, doc));
  };
  const refName = (node: Node | undefined) => (node?.$ref ? (node.$ref as string).split('/').pop() : undefined);
  const typeOf = (schema: Node | undefined): string => {
    if (!schema) return '';
    const name = refName(schema);
    if (name) return `[${name}](#${name.toLowerCase()})`;
    if (schema.type === 'array') return `${typeOf(schema.items as Node)}[]`;
    if (schema.enum) return (schema.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
    const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' \\| ') : ((schema.type as string) ?? 'object');
    return schema.format ? `${type} (${schema.format as string})` : type;
  };
  const cell = (text: unknown) => String(text ?? '').replace(/\n+/g, ' ').replace(/\|/g, '\\|');
  const info = doc.info as Node;
  const out: string[] = [`# ${info.title as string} — HTTP contract`, '', (info.description as string) ?? '', ''];
  out.push(`Version ${info.version as string}, OpenAPI ${doc.openapi as string}. The endpoint's base URL: ${((doc.servers as Node[]) ?? []).map((s) => `\`${s.url as string}\``).join(', ')}.`, '');
  for (const [path, item] of Object.entries(doc.paths as Record<string, Node>)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      out.push(`## \`${method.toUpperCase()} ${path}\``, '', `**${cell(op.summary)}**`, '', (op.description as string) ?? '', '');
      const params = [...((item.parameters as Node[]) ?? []), ...((op.parameters as Node[]) ?? [])].map(resolve);
      if (params.length) {
        out.push('| parameter | in | type | required | description |', '| --- | --- | --- | --- | --- |');
        for (const p of params) out.push(`| \`${p.name as string}\` | ${p.in as string} | ${typeOf(p.schema as Node)} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)} |`);
        out.push('');
      }
      const body = (resolve((op.requestBody as Node) ?? {}).content as Record<string, Node> | undefined)?.['application/json'];
      if (body) {
        out.push(`Request body: ${typeOf(body.schema as Node)}`, '');
        for (const [name, example] of Object.entries((body.examples as Record<string, Node>) ?? {})) {
          out.push(`Example (${name}):`, '', '```json', JSON.stringify(resolve(example).value, null, 2), '```', '');
        }
      }
      out.push('| answer | description | body |', '| --- | --- | --- |');
      const responses = Object.entries((op.responses as Record<string, Node>) ?? {}).map(([status, r]) => [status, resolve(r)] as const);
      for (const [status, response] of responses) {
        const json = (response.content as Record<string, Node> | undefined)?.['application/json'];
        out.push(`| ${status} | ${cell(response.description)} | ${json ? typeOf(json.schema as Node) : ''} |`);
      }
      out.push('');
      for (const [status, response] of responses) {
        const json = (response.content as Record<string, Node> | undefined)?.['application/json'];
        for (const [name, example] of Object.entries((json?.examples as Record<string, Node>) ?? {})) {
          const value = resolve(example);
          out.push(`${status} — ${(value.summary as string) ?? name}:`, '', '```json', JSON.stringify(value.value, null, 2), '```', '');
        }
      }
    }
  }
  out.push('## Schemas', '');
  for (const [name, raw] of Object.entries(((doc.components as Node).schemas as Record<string, Node>) ?? {})) {
    const schema = resolve(raw);
    out.push(`### ${name}`, '', (schema.description as string) ?? '', '');
    const properties = Object.entries((schema.properties as Record<string, Node>) ?? {});
    if (properties.length) {
      const required = new Set((schema.required as string[]) ?? []);
      out.push('| field | type | required | description |', '| --- | --- | --- | --- |');
      for (const [field, property] of properties) out.push(`| \`${field}\` | ${typeOf(property)} | ${required.has(field) ? 'yes' : 'no'} | ${cell(property.description)} |`);
      out.push('');
    } else {
      out.push(`Type: ${typeOf(schema)}`, '');
    }
  }
  return out.join('\n');
}

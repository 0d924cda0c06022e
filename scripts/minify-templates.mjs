// Minifies the text of Lit's tagged templates (css`…`, html`…`, svg`…`) at build time: JS
// minifiers leave template text alone, and the elements' styles and markup are a third of the
// bytes. Only changes that keep the meaning: CSS comments go, whitespace runs become one space
// (never none between two tokens that need it), spaces around `{ } ; , >` and after `:` go; in
// markup, whitespace runs become one space, which renders the same (no template here has <pre>).
import ts from 'typescript';

const tags = new Set(['css', 'html', 'svg', 'staticHtml']);

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

export function minifyHtml(text) {
  return text.replace(/\s+/g, ' ');
}

/** `code` (TypeScript or JavaScript) with the text of every Lit template minified. */
export function minifyTemplates(code, fileName) {
  const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && tags.has(node.tag.text)) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const template = node.template;
      const pieces = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const piece of pieces) {
        // The text between the delimiters: ` or } before it, ${ or ` after it.
        const start = piece.getStart(source) + 1;
        const end = piece.getEnd() - (piece.kind === ts.SyntaxKind.TemplateHead || piece.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const text = code.slice(start, end);
        const minified = minify(text);
        if (minified !== text) edits.push({ start, end, minified });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const { start, end, minified } of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start) + minified + result.slice(end);
  }
  return result;
}

/** An esbuild plugin that minifies the templates of the project's own sources as they load. */
export const minifyTemplatesPlugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: minifyTemplates(await readFile(path, 'utf8'), path), loader: 'ts' };
    });
  },
};

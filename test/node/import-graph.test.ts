// The import graph of src/: no cycle, no element folder importing another's, element classes
// only from their own folder and the entries. The rules' own checks run on small made-up graphs
// first, so a rule that stopped finding anything would fail here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs script, also run from the command line
import { findCycles, importGraph, layerViolations } from '../../scripts/import-graph.mjs';

type Graph = Map<string, { imports: string[]; lazyImports: string[] }>;
/** A graph from static edges, and lazy ones after a `lazy:` prefix. */
const graph = (edges: Record<string, string[]>): Graph =>
  new Map(
    Object.entries(edges).map(([module, targets]) => [
      module,
      {
        imports: targets.filter((t) => !t.startsWith('lazy:')),
        lazyImports: targets.filter((t) => t.startsWith('lazy:')).map((t) => t.slice(5)),
      },
    ]),
  );

describe('import graph', () => {
  it('finds a cycle, type-only or not, and each cycle once; a lazy import() closes none', () => {
    const cycles = findCycles(
      graph({ 'api/errors.ts': ['auth/outcome.ts'], 'auth/outcome.ts': ['api/errors.ts'], 'a.ts': ['b.ts'], 'b.ts': [] }),
    );
    assert.deepEqual(cycles, [['api/errors.ts', 'auth/outcome.ts', 'api/errors.ts']]);
    assert.deepEqual(findCycles(graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] })), []);
    assert.deepEqual(findCycles(graph({ 'a.ts': ['b.ts'], 'b.ts': ['lazy:a.ts'] })), []);
  });

  it('finds an element folder importing another, and shared code importing an element', () => {
    const violations = layerViolations(
      graph({
        'data-source-card/data-source-card.ts': ['reconnect-banner/failure-view.ts'],
        'controllers/settings-opener.ts': ['connection-settings-dialog/connection-settings-dialog.ts'],
        'controllers/ok.ts': ['connection-settings-dialog/load.ts'],
        'views/lazy.ts': ['lazy:data-source-card/data-source-card.ts'],
        'define/connection-settings-dialog.ts': ['connection-settings-dialog/connection-settings-dialog.ts'],
      }),
    );
    assert.equal(violations.length, 3);
    assert.match(violations[0], /^data-source-card\/data-source-card\.ts imports reconnect-banner/);
    assert.match(violations[1], /^controllers\/settings-opener\.ts imports the element/);
    assert.match(violations[2], /^views\/lazy\.ts imports the element/);
  });

  it('src/ has no cycle and keeps its layers', () => {
    const src = importGraph(new URL('../../src', import.meta.url).pathname);
    assert.ok(src.size > 50, 'the graph was read');
    assert.ok(src.get('auth/flow.ts').imports.includes('auth/late.ts'), 'relative .js imports resolve to .ts modules');
    assert.deepEqual(src.get('auth/lazy.ts').lazyImports, ['auth/authorize.ts']);
    assert.deepEqual(findCycles(src), []);
    assert.deepEqual(layerViolations(src), []);
  });
});

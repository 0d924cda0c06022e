// The import graph of src/: no cycle, no element folder importing another's, element classes
// only from their own folder and the entries. The rules' own checks run on small made-up graphs
// first, so a rule that stopped finding anything would fail here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs script, also run from the command line
import { findCycles, importGraph, layerViolations } from '../../scripts/import-graph.mjs';

type Graph = Map<string, string[]>;
const graph = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

describe('import graph', () => {
  it('finds a cycle, type-only or not, and each cycle once', () => {
    const cycles = findCycles(
      graph({ 'api/errors.ts': ['auth/outcome.ts'], 'auth/outcome.ts': ['api/errors.ts'], 'a.ts': ['b.ts'], 'b.ts': [] }),
    );
    assert.deepEqual(cycles, [['api/errors.ts', 'auth/outcome.ts', 'api/errors.ts']]);
    assert.deepEqual(findCycles(graph({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] })), []);
  });

  it('finds an element folder importing another, and shared code importing an element', () => {
    const violations = layerViolations(
      graph({
        'data-source-card/data-source-card.ts': ['reconnect-banner/failure-view.ts'],
        'controllers/settings-opener.ts': ['connection-settings-dialog/connection-settings-dialog.ts'],
        'controllers/ok.ts': ['connection-settings-dialog/load.ts'],
        'define/connection-settings-dialog.ts': ['connection-settings-dialog/connection-settings-dialog.ts'],
      }),
    );
    assert.equal(violations.length, 2);
    assert.match(violations[0], /^data-source-card\/data-source-card\.ts imports reconnect-banner/);
    assert.match(violations[1], /^controllers\/settings-opener\.ts imports the element/);
  });

  it('src/ has no cycle and keeps its layers', () => {
    const src = importGraph(new URL('../../src', import.meta.url).pathname);
    assert.ok(src.size > 50, 'the graph was read');
    assert.ok(src.get('auth/flow.ts').includes('auth/late.ts'), 'relative .js imports resolve to .ts modules');
    assert.deepEqual(findCycles(src), []);
    assert.deepEqual(layerViolations(src), []);
  });
});

// Bundle-size budgets (min+gzip, Lit included), measured by bench/size.mjs. Bytes are
// deterministic for a given source, so unlike timings they can gate a change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

const budgets: Record<string, number> = {
  'client + store + provider': 12 * 1024,
  '<data-source-card> defined (+ dialog it opens)': 30 * 1024,
  '<connection-settings-dialog> defined': 26 * 1024,
  '<reconnect-banner> defined': 30 * 1024,
  'everything (single-file build)': 32 * 1024,
};

test('every entry stays within its min+gzip budget', () => {
  const rows = JSON.parse(execFileSync(process.execPath, ['bench/size.mjs', '--json'], { encoding: 'utf8' })) as {
    name: string;
    gzip: number;
  }[];
  for (const [name, budget] of Object.entries(budgets)) {
    const row = rows.find((r) => r.name === name);
    assert.ok(row, `${name} was not measured`);
    assert.ok(row.gzip <= budget, `${name}: ${row.gzip} B min+gzip is over its budget of ${budget} B`);
  }
});

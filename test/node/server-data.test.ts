// The server data a page carries for hydration is text inside a JSON script, never markup: an
// account name from the endpoint cannot end the script, open a comment or add an element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverDataScript } from '../../src/store/server-store.js';

test('serverDataScript: hostile names stay text in the script and come back whole', () => {
  const hostile = '</script><img src=x onerror=alert(1)><!-- <script>';
  const sources = [
    {
      id: 'ga4',
      name: `GA4 ${hostile}`,
      connections: [
        { id: 'c1', accountName: hostile, accountId: '1', status: 'active', role: 'main', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
      ],
    },
  ];
  const script = serverDataScript({ sources } as never);
  const open = '<script type="application/json" data-dsw-sources>';
  assert.ok(script.startsWith(open) && script.endsWith('</script>'));
  const body = script.slice(open.length, -'</script>'.length);
  assert.equal(body.includes('<'), false, 'no "<" inside: nothing can close the script or open a comment');
  assert.deepEqual(JSON.parse(body), sources);
});

// Installed into the page (page.evaluate(installFakeEndpoint)): a fetch for <data-source-provider>
// that answers at once from memory and counts requests, so no network is in any figure.
// `window.bench.sizes[id]` sets how many connections a source has (default 2); the batched load
// `GET /data-sources?include=connections&ids=a,b,c` is answered as the store sends it.
// `window.bench.source(id)` builds the same data the plain baseline is handed directly.
export function installFakeEndpoint() {
  const iso = (i) => new Date(Date.UTC(2026, 0, 1) - i * 3600_000).toISOString();
  const failing = (i) => i % 50 === 7;
  const connection = (i) => ({
    id: `c${i}`,
    accountName: `Account ${i}`,
    accountId: String(1e9 + i),
    status: failing(i) ? 'error' : 'active',
    ...(failing(i) ? { error: { code: 'invalid_grant', message: 'Credentials revoked' } } : {}),
    role: i === 0 ? 'main' : 'secondary',
    createdAt: iso(i),
    updatedAt: iso(i),
  });
  // Already in the store's order (main first, then newest), so both sides show the same rows.
  const source = (id) => ({
    id,
    name: `Source ${id}`,
    connections: Array.from({ length: window.bench.sizes[id] ?? 2 }, (_, i) => connection(i)),
  });
  // The JSON of each source of the batch, built before a run's clock starts (`prepare`): the
  // endpoint's work is not the widgets', as the baseline's data is built before its clock too.
  const ready = new Map();
  const summary = (id) => {
    const { connections, ...rest } = source(id);
    const errorCount = connections.filter((c) => c.status === 'error').length;
    return JSON.stringify({ ...rest, connectionCount: connections.length, errorCount, connections });
  };
  const prepare = (ids) => {
    ready.clear();
    for (const id of ids) ready.set(id, summary(id));
  };
  window.bench = { requests: 0, sizes: {}, source, prepare };
  window.bench.fetch = async (input, init) => {
    window.bench.requests++;
    const url = new URL(String(input), location.href);
    const [, , id, , cid] = url.pathname.split('/').filter(Boolean);
    if (init?.method === 'PATCH') return Response.json({ ...connection(Number(cid.slice(1))), role: 'main' });
    const ids = url.searchParams.get('ids');
    if (ids) {
      const items = ids.split(',').map((one) => {
        const id = decodeURIComponent(one);
        const json = ready.get(id) ?? summary(id);
        ready.delete(id); // Used once: the memory case must not count it on either side.
        return json;
      });
      return new Response(`{"items":[${items.join(',')}]}`, { headers: { 'Content-Type': 'application/json' } });
    }
    return Response.json(source(decodeURIComponent(id)));
  };
}

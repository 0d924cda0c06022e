// What the client sends, where, and what it makes of a successful answer.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { InvalidResponseError } from '../../src/api/errors.js';
import { requests, requestsTo, useHandlers } from '../helpers/msw.js';
import { connection, dataSourceList, rejection, setup } from './support.js';

describe('ApiClient requests', () => {
  it('lists data sources from {endpoint}/data-sources with JSON headers', async () => {
    let seen: Request | undefined;
    await useHandlers(
      http.get('/api/data-sources', ({ request }) => {
        seen = request;
        return HttpResponse.json(dataSourceList);
      }),
    );
    expect(await setup().client.listDataSources()).to.deep.equal(dataSourceList);
    expect(requests).to.deep.equal(['GET /api/data-sources']);
    expect(seen!.headers.get('Accept')).to.equal('application/json');
    expect(seen!.headers.get('Content-Type')).to.equal(null);
  });

  it('encodes ids and reaches every read path of the contract', async () => {
    const source = { id: 'google ads/x', name: 'Google Ads', connections: [connection()] };
    await useHandlers(
      http.get('/api/data-sources/:sourceId', () => HttpResponse.json(source)),
      http.get('/api/data-sources/:sourceId/connections', () => HttpResponse.json({ items: [connection()] })),
      http.get('/api/authorizations/:state', ({ params }) =>
        HttpResponse.json({ state: params.state, status: 'pending' }),
      ),
    );
    const { client } = setup();
    expect(await client.getDataSource('google ads/x')).to.deep.equal(source);
    expect((await client.listConnections('google-ads')).items).to.have.length(1);
    expect(await client.getAuthorizationOutcome('st_1')).to.deep.equal({ state: 'st_1', status: 'pending' });
    expect(requests).to.deep.equal([
      'GET /api/data-sources/google%20ads%2Fx',
      'GET /api/data-sources/google-ads/connections',
      'GET /api/authorizations/st_1',
    ]);
  });

  it('posts only the contract fields of an authorization request, as JSON', async () => {
    let body: unknown;
    let type: string | null = null;
    await useHandlers(
      http.post('/api/data-sources/google-ads/authorizations', async ({ request }) => {
        type = request.headers.get('Content-Type');
        body = await request.json();
        return HttpResponse.json({ authorizationUrl: 'https://provider.example/auth', state: 'st_9' }, { status: 201 });
      }),
    );
    const request = { origin: 'https://host.example', connectionId: 'conn_1', extra: 'no' };
    const result = await setup().client.startAuthorization('google-ads', request);
    expect(result).to.deep.equal({ authorizationUrl: 'https://provider.example/auth', state: 'st_9' });
    expect(type).to.equal('application/json');
    expect(body).to.deep.equal({ connectionId: 'conn_1', origin: 'https://host.example' });
  });

  it('patches the role to main and posts a refresh', async () => {
    let patch: unknown;
    await useHandlers(
      http.patch('/api/data-sources/google-ads/connections/conn_2', async ({ request }) => {
        patch = await request.json();
        return HttpResponse.json(connection({ id: 'conn_2' }));
      }),
      http.post('/api/data-sources/google-ads/connections/conn_2/refresh', () =>
        HttpResponse.json(connection({ id: 'conn_2', role: 'secondary' }), { status: 202 }),
      ),
    );
    const { client } = setup();
    expect((await client.makeMain('google-ads', 'conn_2')).role).to.equal('main');
    expect((await client.refreshConnection('google-ads', 'conn_2')).role).to.equal('secondary');
    expect(patch).to.deep.equal({ role: 'main' });
    expect(requests).to.deep.equal([
      'PATCH /api/data-sources/google-ads/connections/conn_2',
      'POST /api/data-sources/google-ads/connections/conn_2/refresh',
    ]);
  });

  it('deletes with a 204, or a 200 with any body', async () => {
    let answer = () => new HttpResponse(null, { status: 204 });
    await useHandlers(http.delete('/api/data-sources/google-ads/connections/:id', () => answer()));
    const { client } = setup();
    expect(await client.deleteConnection('google-ads', 'conn_1')).to.equal(undefined);
    answer = () => new HttpResponse('<p>deleted</p>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    expect(await client.deleteConnection('google-ads', 'conn_2')).to.equal(undefined);
    expect(requestsTo('DELETE')).to.have.length(2);
  });

  it('validates every answer: a wrong shape is an InvalidResponseError with its path', async () => {
    await useHandlers(
      http.get('/api/data-sources/google-ads/connections', () =>
        HttpResponse.json({ items: [connection(), connection({ status: null })] }),
      ),
      http.patch('/api/data-sources/google-ads/connections/conn_1', () => HttpResponse.json({ ok: true })),
    );
    const { client } = setup();
    const read = await rejection(client.listConnections('google-ads'));
    expect(read).to.be.instanceOf(InvalidResponseError);
    expect((read as InvalidResponseError).path).to.equal('items[1].status');
    const write = await rejection(client.makeMain('google-ads', 'conn_1'));
    expect((write as InvalidResponseError).path).to.equal('id');
  });

  it('keeps an unknown status as "unknown" and drops extra fields from answers', async () => {
    await useHandlers(
      http.get('/api/data-sources/google-ads/connections', () =>
        HttpResponse.json({ items: [{ ...connection({ status: 'suspended' }), token: 'ya29.secret' }] }),
      ),
    );
    const { items } = await setup().client.listConnections('google-ads');
    expect(items[0]).to.deep.equal(connection({ status: 'unknown' }));
  });

  it('resolves a relative endpoint against the document, and URLs against the endpoint', () => {
    const relative = new ApiClient({ endpoint: 'api' });
    expect(relative.resolveUrl('data-sources')).to.equal(new URL('api/data-sources', document.baseURI).href);
    const client = new ApiClient({ endpoint: '/api' });
    expect(client.resolveUrl('logos/google-ads.svg')).to.equal(`${location.origin}/api/logos/google-ads.svg`);
    expect(client.resolveUrl('https://cdn.example/a.svg')).to.equal('https://cdn.example/a.svg');
  });

  it('works with an absolute endpoint that ends in a slash', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.json(dataSourceList)));
    await setup({ endpoint: `${location.origin}/api/` }).client.listDataSources();
    expect(requests).to.deep.equal(['GET /api/data-sources']);
  });

  it('uses the fetch override instead of the global fetch', async () => {
    await useHandlers();
    const calls: [string, RequestInit | undefined][] = [];
    const fake: typeof fetch = async (input, init) => {
      calls.push([String(input), init]);
      return Response.json(dataSourceList);
    };
    expect(await setup({ fetch: fake }).client.listDataSources()).to.deep.equal(dataSourceList);
    expect(calls.map(([url, init]) => [url, init?.method])).to.deep.equal([
      [`${location.origin}/api/data-sources`, 'GET'],
    ]);
    expect(requests).to.deep.equal([]);
  });

  it('calls a fetch override unbound, so window.fetch itself works', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.json(dataSourceList)));
    await setup({ fetch: window.fetch }).client.listDataSources();
    expect(requests).to.have.length(1);
  });

  it('sends the headers from getHeaders without refresh on a normal request', async () => {
    const asked: boolean[] = [];
    let auth: string | null = null;
    await useHandlers(
      http.get('/api/data-sources', ({ request }) => {
        auth = request.headers.get('Authorization');
        return HttpResponse.json(dataSourceList);
      }),
    );
    const { client } = setup({
      getHeaders: async ({ refresh }) => {
        asked.push(refresh);
        return { Authorization: 'Bearer t1' };
      },
    });
    await client.listDataSources();
    await client.listDataSources();
    expect(asked).to.deep.equal([false, false]);
    expect(auth).to.equal('Bearer t1');
  });
});

// Which failures are retried, how often, and how long the client waits in between.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { HttpError, NetworkError } from '../../src/api/errors.js';
import { requests, useHandlers } from '../helpers/msw.js';
import { connection, dataSourceList, rejection, setup } from './support.js';

const LIST = 'GET /api/data-sources';

/** Answers `/api/data-sources` with `failures` in turn, then the list. */
function failThenSucceed(...failures: (() => Response)[]) {
  let calls = 0;
  return http.get('/api/data-sources', () => failures[calls++]?.() ?? HttpResponse.json(dataSourceList));
}

const status = (code: number, headers: Record<string, string> = {}) => () =>
  HttpResponse.json({ error: { code: 'busy', message: 'Try later' } }, { status: code, headers });

describe('ApiClient retries of safe reads', () => {
  for (const code of [502, 503, 504]) {
    it(`retries ${code} up to 3 times with growing waits, then raises HttpError`, async () => {
      await useHandlers(http.get('/api/data-sources', status(code)));
      const { client, waits } = setup();
      const error = await rejection(client.listDataSources());
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(code);
      expect(requests).to.deep.equal([LIST, LIST, LIST, LIST]);
      expect(waits).to.deep.equal([225, 450, 900]);
    });
  }

  it('retries network errors up to the limit, then raises NetworkError', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.error()));
    const { client, waits } = setup();
    expect(await rejection(client.listDataSources())).to.be.instanceOf(NetworkError);
    expect(requests).to.have.length(4);
    expect(waits).to.have.length(3);
  });

  it('succeeds when a retry does', async () => {
    await useHandlers(failThenSucceed(() => HttpResponse.error(), status(503)));
    const { client, waits } = setup();
    expect(await client.listDataSources()).to.deep.equal(dataSourceList);
    expect(requests).to.have.length(3);
    expect(waits).to.deep.equal([225, 450]);
  });

  it('honours the retries option', async () => {
    await useHandlers(http.get('/api/data-sources', status(503)));
    await rejection(setup({ retries: 1 }).client.listDataSources());
    expect(requests).to.have.length(2);
    await useHandlers(http.get('/api/data-sources', status(503)));
    await rejection(setup({ retries: 0 }).client.listDataSources());
    expect(requests).to.have.length(1);
  });

  it('caps the backoff at maxDelayMs and spreads waits with jitter', async () => {
    await useHandlers(http.get('/api/data-sources', status(502)));
    const capped = setup({ retryDelayMs: 1000, maxDelayMs: 1500, random: () => 0.999 });
    await rejection(capped.client.listDataSources());
    expect(capped.waits).to.deep.equal([1000, 1499, 1499]);

    await useHandlers(http.get('/api/data-sources', status(502)));
    const jitter = [0, 0.999, 0.5];
    const jittered = setup({ random: () => jitter.shift()! });
    await rejection(jittered.client.listDataSources());
    expect(jittered.waits).to.deep.equal([150, 600, 900]);
  });

  for (const code of [400, 404, 409, 500]) {
    it(`does not retry a ${code}`, async () => {
      await useHandlers(http.get('/api/data-sources', status(code)));
      const { client, waits } = setup();
      expect(((await rejection(client.listDataSources())) as HttpError).status).to.equal(code);
      expect(requests).to.have.length(1);
      expect(waits).to.deep.equal([]);
    });
  }
});

describe('ApiClient 429 Retry-After', () => {
  it('waits the delta seconds of Retry-After', async () => {
    await useHandlers(failThenSucceed(status(429, { 'Retry-After': '2' })));
    const { client, waits } = setup();
    expect(await client.listDataSources()).to.deep.equal(dataSourceList);
    expect(waits).to.deep.equal([2000]);
    expect(requests).to.have.length(2);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const date = new Date(Date.now() + 2_900).toUTCString();
    await useHandlers(failThenSucceed(status(429, { 'Retry-After': date })));
    const { client, waits } = setup();
    await client.listDataSources();
    expect(waits).to.have.length(1);
    // The date has whole seconds, so up to one second is lost; time also passes in the test.
    expect(waits[0]).to.be.within(1000, 3000);
  });

  it('does not wait out of sight for a Retry-After over 3 s: the error carries it at once', async () => {
    await useHandlers(failThenSucceed(status(429, { 'Retry-After': '40' })));
    const { client, waits } = setup();
    const error = (await rejection(client.listDataSources())) as HttpError;
    expect([error.status, error.retryAfterMs]).to.deep.equal([429, 40_000]);
    expect(waits).to.deep.equal([]);
    expect(requests).to.have.length(1);
  });

  it('falls back to backoff without Retry-After, and uses it on a 503 too', async () => {
    await useHandlers(failThenSucceed(status(429), status(503, { 'Retry-After': '1' })));
    const { client, waits } = setup();
    await client.listDataSources();
    expect(waits).to.deep.equal([225, 1000]);
  });

  it('raises HttpError 429 with retryAfterMs once the retries are spent', async () => {
    await useHandlers(http.get('/api/data-sources', status(429, { 'Retry-After': '1' })));
    const { client, waits } = setup();
    const error = (await rejection(client.listDataSources())) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect([error.status, error.retryAfterMs]).to.deep.equal([429, 1000]);
    expect(requests).to.have.length(4);
    expect(waits).to.deep.equal([1000, 1000, 1000]);
  });
});

describe('ApiClient writes never retry blindly', () => {
  it('raises a 429 on a write at once, with its Retry-After', async () => {
    await useHandlers(http.post('/api/data-sources/google-ads/authorizations', status(429, { 'Retry-After': '7' })));
    const { client, waits } = setup();
    const error = (await rejection(
      client.startAuthorization('google-ads', { origin: location.origin }),
    )) as HttpError;
    expect([error.status, error.code, error.retryAfterMs]).to.deep.equal([429, 'busy', 7000]);
    expect(requests).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('does not retry a 503 on PATCH, a 502 on DELETE, or a network error on POST', async () => {
    await useHandlers(
      http.patch('/api/data-sources/google-ads/connections/conn_1', status(503)),
      http.delete('/api/data-sources/google-ads/connections/conn_1', status(502)),
      http.post('/api/data-sources/google-ads/connections/conn_1/refresh', () => HttpResponse.error()),
    );
    const { client, waits } = setup();
    expect(await rejection(client.makeMain('google-ads', 'conn_1'))).to.be.instanceOf(HttpError);
    expect(await rejection(client.deleteConnection('google-ads', 'conn_1'))).to.be.instanceOf(HttpError);
    expect(await rejection(client.refreshConnection('google-ads', 'conn_1'))).to.be.instanceOf(NetworkError);
    expect(requests).to.deep.equal([
      'PATCH /api/data-sources/google-ads/connections/conn_1',
      'DELETE /api/data-sources/google-ads/connections/conn_1',
      'POST /api/data-sources/google-ads/connections/conn_1/refresh',
    ]);
    expect(waits).to.deep.equal([]);
  });

  it('still answers a write that succeeds', async () => {
    await useHandlers(
      http.patch('/api/data-sources/google-ads/connections/conn_1', () => HttpResponse.json(connection())),
    );
    expect((await setup().client.makeMain('google-ads', 'conn_1')).id).to.equal('conn_1');
  });
});

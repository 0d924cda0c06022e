// Typed errors, broken answers, 401 and token refresh, timeouts and aborts.
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import {
  DswError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  UnauthorizedError,
} from '../../src/api/errors.js';
import { requests, useHandlers } from '../helpers/msw.js';
import { connection, dataSourceList, expectAbortError, rejection, setup } from './support.js';

const LIST = 'GET /api/data-sources';

describe('ApiClient error answers', () => {
  it('takes HttpError code and message from the error body', async () => {
    await useHandlers(
      http.delete('/api/data-sources/google-ads/connections/conn_1', () =>
        HttpResponse.json({ error: { code: 'last_connection', message: 'Keep one account' } }, { status: 409 }),
      ),
    );
    const error = (await rejection(setup().client.deleteConnection('google-ads', 'conn_1'))) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.kind).to.equal('http');
    expect([error.status, error.code, error.message]).to.deep.equal([409, 'last_connection', 'Keep one account']);
    expect(error.retryAfterMs).to.equal(undefined);
  });

  it('falls back to a code and message from the status when the body is not an error body', async () => {
    await useHandlers(
      http.get('/api/data-sources/x', () =>
        HttpResponse.html('<h1>Not Found</h1>', { status: 404, statusText: 'Not Found' }),
      ),
      http.get('/api/data-sources/y', () => HttpResponse.json({ error: { code: 'gone' } }, { status: 410 })),
    );
    const { client } = setup();
    const html = (await rejection(client.getDataSource('x'))) as HttpError;
    expect([html.status, html.code, html.message]).to.deep.equal([
      404,
      'http_404',
      'The endpoint answered 404 Not Found',
    ]);
    const partial = (await rejection(client.getDataSource('y'))) as HttpError;
    expect([partial.code, partial.message]).to.deep.equal(['gone', 'The endpoint answered 410 Gone']);
  });

  it('raises InvalidResponseError for an HTML page with status 200', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.html('<!doctype html><title>Login</title>')));
    const error = await rejection(setup().client.listDataSources());
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect((error as Error).message).to.contain('text/html');
    expect(requests).to.deep.equal([LIST]);
  });

  it('raises InvalidResponseError for truncated JSON and for an empty 200', async () => {
    await useHandlers(
      http.get('/api/data-sources', () =>
        HttpResponse.text('{"items": [{"id": "goo', { headers: { 'Content-Type': 'application/json' } }),
      ),
      http.get('/api/data-sources/google-ads/connections', () => new HttpResponse(null, { status: 204 })),
    );
    const { client } = setup();
    expect(await rejection(client.listDataSources())).to.be.instanceOf(InvalidResponseError);
    expect(await rejection(client.listConnections('google-ads'))).to.be.instanceOf(InvalidResponseError);
  });

  it('raises NetworkError, a DswError of kind "network", when nothing answers', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.error()));
    const error = await rejection(setup({ retries: 0 }).client.listDataSources());
    expect(error).to.be.instanceOf(NetworkError);
    expect(error).to.be.instanceOf(DswError);
    expect((error as NetworkError).kind).to.equal('network');
  });
});

describe('ApiClient 401 and fresh credentials', () => {
  function tokens(fresh = 'Bearer fresh') {
    const asked: boolean[] = [];
    const getHeaders = ({ refresh }: { refresh: boolean }) => {
      asked.push(refresh);
      return { Authorization: refresh ? fresh : 'Bearer stale' };
    };
    return { asked, getHeaders };
  }

  /** `/api/data-sources`, answering 401 to any other Authorization than `token`. */
  const acceptOnly = (token: string) =>
    http.get('/api/data-sources', ({ request }) =>
      request.headers.get('Authorization') === token
        ? HttpResponse.json(dataSourceList)
        : HttpResponse.json({ error: { code: 'unauthorized', message: 'Token expired' } }, { status: 401 }),
    );

  it('asks once for a fresh token after a 401 and retries with it', async () => {
    await useHandlers(acceptOnly('Bearer fresh'));
    const { asked, getHeaders } = tokens();
    expect(await setup({ getHeaders }).client.listDataSources()).to.deep.equal(dataSourceList);
    expect(asked).to.deep.equal([false, true]);
    expect(requests).to.deep.equal([LIST, LIST]);
  });

  it('raises UnauthorizedError when the fresh token gets a 401 too', async () => {
    await useHandlers(acceptOnly('Bearer never'));
    const { asked, getHeaders } = tokens();
    const error = await rejection(setup({ getHeaders }).client.listDataSources());
    expect(error).to.be.instanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).kind).to.equal('unauthorized');
    expect(asked).to.deep.equal([false, true]);
    expect(requests).to.have.length(2);
  });

  it('retries a write once after a 401 as well: the endpoint refused it unprocessed', async () => {
    await useHandlers(
      http.patch('/api/data-sources/google-ads/connections/conn_1', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json(connection())
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const { asked, getHeaders } = tokens();
    expect((await setup({ getHeaders }).client.makeMain('google-ads', 'conn_1')).role).to.equal('main');
    expect(asked).to.deep.equal([false, true]);
    expect(requests).to.have.length(2);
  });

  it('turns a failing getHeaders into UnauthorizedError, without a request', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.json(dataSourceList)));
    const cause = new Error('session gone');
    const getHeaders = () => Promise.reject(cause);
    const error = (await rejection(setup({ getHeaders }).client.listDataSources())) as UnauthorizedError;
    expect(error).to.be.instanceOf(UnauthorizedError);
    expect(error.cause).to.equal(cause);
    expect(requests).to.deep.equal([]);
  });

  it('never logs or reports the token', async () => {
    await useHandlers(acceptOnly('Bearer never'));
    const logged: unknown[] = [];
    const names = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const original = names.map((name) => console[name]);
    for (const name of names) console[name] = (...args: unknown[]) => logged.push(...args);
    try {
      const { getHeaders } = tokens('Bearer s3cr3t-fresh');
      const error = (await rejection(setup({ getHeaders }).client.listDataSources())) as Error;
      expect(`${error.message} ${error.stack}`).not.to.contain('s3cr3t');
    } finally {
      names.forEach((name, index) => (console[name] = original[index]!));
    }
    expect(logged).to.deep.equal([]);
  });
});

describe('ApiClient timeouts and aborts', () => {
  // Aborts are fired from inside the handler: the request has then surely reached "the network"
  // (an abort racing the worker would be recorded late, in the next test).
  it('raises TimeoutError after timeoutMs, without retrying', async () => {
    // Outside /api/ and counted at fetch: the worker may see a request cut after 30 ms only
    // later, and it must not be recorded into the next test.
    await useHandlers(
      http.get('/slow-api/data-sources', async () => {
        await delay(400);
        return HttpResponse.json(dataSourceList);
      }),
    );
    let calls = 0;
    const counting: typeof fetch = (...args) => {
      calls++;
      return fetch(...args);
    };
    const started = performance.now();
    const { client } = setup({ endpoint: '/slow-api', timeoutMs: 30, fetch: counting });
    const error = (await rejection(client.listDataSources())) as TimeoutError;
    expect(error).to.be.instanceOf(TimeoutError);
    expect([error.kind, error.timeoutMs]).to.deep.equal(['timeout', 30]);
    expect(performance.now() - started).to.be.below(300);
    expect(calls).to.equal(1);
  });

  it('times out even a fetch override that never settles', async () => {
    const hang: typeof fetch = () => new Promise(() => {});
    expect(await rejection(setup({ timeoutMs: 20, fetch: hang }).client.listDataSources())).to.be.instanceOf(
      TimeoutError,
    );
  });

  it('sends nothing when the signal is already aborted', async () => {
    await useHandlers(http.get('/api/data-sources', () => HttpResponse.json(dataSourceList)));
    const controller = new AbortController();
    controller.abort();
    expectAbortError(await rejection(setup().client.listDataSources({ signal: controller.signal })));
    expect(requests).to.deep.equal([]);
  });

  it('rejects with the AbortError, unwrapped, when aborted during the request', async () => {
    const controller = new AbortController();
    await useHandlers(
      http.get('/api/data-sources', async () => {
        controller.abort();
        await delay(400);
        return HttpResponse.json(dataSourceList);
      }),
    );
    const error = await rejection(setup().client.listDataSources({ signal: controller.signal }));
    expectAbortError(error);
    expect(error).not.to.be.instanceOf(DswError);
    expect(requests).to.deep.equal([LIST]);
  });

  it('keeps a custom abort reason as it is, like fetch does', async () => {
    const controller = new AbortController();
    const reason = new Error('element disconnected');
    await useHandlers(
      http.get('/api/data-sources', async () => {
        controller.abort(reason);
        await delay(400);
        return HttpResponse.json(dataSourceList);
      }),
    );
    expect(await rejection(setup().client.listDataSources({ signal: controller.signal }))).to.equal(reason);
  });

  it('stops during a backoff wait, even when the injected sleep ignores the signal', async () => {
    await useHandlers(http.get('/api/data-sources', () => new HttpResponse(null, { status: 503 })));
    const controller = new AbortController();
    const sleep = () => {
      controller.abort();
      return new Promise<void>(() => {});
    };
    expectAbortError(await rejection(setup({ sleep }).client.listDataSources({ signal: controller.signal })));
    expect(requests).to.deep.equal([LIST]);
  });

  it('stops the default sleep when aborted during a long backoff', async () => {
    const controller = new AbortController();
    await useHandlers(
      http.get('/api/data-sources', () => {
        // The error answer arrives at once; the abort then falls into the 10 s backoff.
        setTimeout(() => controller.abort(), 40);
        return HttpResponse.error();
      }),
    );
    const client = new ApiClient({ endpoint: '/api', retryDelayMs: 20_000, random: () => 0 });
    const started = performance.now();
    expectAbortError(await rejection(client.listDataSources({ signal: controller.signal })));
    expect(performance.now() - started).to.be.below(2000);
    expect(requests).to.deep.equal([LIST]);
  });

  it('aborts a write as well, without retrying it', async () => {
    const controller = new AbortController();
    await useHandlers(
      http.delete('/api/data-sources/google-ads/connections/conn_1', async () => {
        controller.abort();
        await delay(400);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const pending = setup().client.deleteConnection('google-ads', 'conn_1', { signal: controller.signal });
    expectAbortError(await rejection(pending));
    expect(requests).to.deep.equal(['DELETE /api/data-sources/google-ads/connections/conn_1']);
  });
});

import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { requests, useHandlers } from '../helpers/msw.js';

describe('msw in the test browser', () => {
  it('answers and records a mocked request', async () => {
    await useHandlers(http.get('/api/ping', () => HttpResponse.json({ ok: true })));
    const body = await (await fetch('/api/ping')).json();
    expect(body).to.deep.equal({ ok: true });
    expect(requests).to.deep.equal(['GET /api/ping']);
  });
});

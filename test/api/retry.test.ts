import { expect } from '@open-wc/testing';
import { abortable, backoffDelay, parseRetryAfter, sleep } from '../../src/api/retry.js';
import { expectAbortError, rejection } from './support.js';

describe('retry helpers', () => {
  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2024-06-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 12:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 11:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('doubles the backoff up to the cap', () => {
    const half = () => 0.5;
    const delays = [0, 1, 2, 3, 4].map((tries) => backoffDelay(tries, 100, 1000, half));
    expect(delays).to.deep.equal([75, 150, 300, 600, 750]);
  });

  it('sleep ends early with the abort reason', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    expectAbortError(await rejection(pending));
    expect(performance.now() - started).to.be.below(1000);
  });

  it('abortable passes results through and rejects at once on abort', async () => {
    expect(await abortable(Promise.resolve(1), new AbortController().signal)).to.equal(1);
    const controller = new AbortController();
    const pending = abortable(new Promise(() => {}), controller.signal);
    controller.abort();
    expectAbortError(await rejection(pending));
  });
});

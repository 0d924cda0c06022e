import { expect } from '@open-wc/testing';
import { NetworkError, isAbortError } from '../../src/api/errors.js';
import { AuthorizationError } from '../../src/auth/authorization-error.js';
import type { Authorization, AuthorizationOutcome } from '../../src/api/types.js';
import { authorize, pendingAuthorization, type AuthorizeOptions } from '../../src/auth/authorize.js';
import { broadcast, deferred, fakeClient, fakeOpen, fakePopup, message, rejection, removeFrames, settleTasks, sleep, watch, type FakeClientOptions } from './helpers.js';
import { NOTHING_LEFT, releasedAfterEachTest } from './resources.js';

let sources = 0;
const nextSource = () => `source-${++sources}`;

async function navigated(outcome?: AuthorizationOutcome | Error, options: Partial<AuthorizeOptions> = {}) {
  const popup = await fakePopup();
  const answers: FakeClientOptions = { outcome };
  const client = fakeClient(answers);
  const opener = fakeOpen(popup);
  const sourceId = nextSource();
  const result = authorize({ client, sourceId, open: opener.open, pollIntervalMs: 10, timeoutMs: 10_000, ...options });
  await settleTasks();
  /** What the endpoint answers from now on. */
  const answer = (next: AuthorizationOutcome) => {
    answers.outcome = next;
  };
  return { popup, client, result, sourceId, opener, answer };
}

describe('authorize: the user closes the window', () => {
  const { tracker } = releasedAfterEachTest(removeFrames);

  it('rejects as cancelled within about a second, after asking the endpoint once', async () => {
    const controller = tracker().controller();
    // Default polling interval on purpose: this is the delay a user would see.
    const { popup, client, result } = await navigated(undefined, { pollIntervalMs: undefined, signal: controller.signal });
    const closedAt = performance.now();
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(performance.now() - closedAt).to.be.below(1000);
    expect(error).to.be.instanceOf(AuthorizationError);
    expect(error.reason).to.equal('cancelled');
    expect(client.outcomes.map(({ state }) => state)).to.deep.equal(['state-1']);
    // Still pending: it may be a severed window, watched on in the background (until aborted).
    expect(error.late).to.be.instanceOf(Promise);
    expect(tracker().live.delays.timeout, 'next question after 1 s by default').to.include(1000);
    controller.abort();
    expect(await error.late).to.equal(undefined);
  });

  it('resolves when the endpoint says completed (a COOP callback page cut the opener)', async () => {
    const { popup, client, result } = await navigated({ state: 'state-1', status: 'completed', connectionId: 'conn-5' });
    popup.userClose();
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-5' });
    expect(client.outcomes).to.have.length(1);
  });

  it('maps a failed outcome from the endpoint like a message', async () => {
    const { popup, result } = await navigated({ state: 'state-1', status: 'failed', error: { code: 'account_mismatch', message: 'Signed in as b@x.example' } });
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('account-mismatch');
    expect(error.message).to.equal('Signed in as b@x.example');
    expect(error.late, 'a final outcome is final').to.equal(undefined);
  });

  it('a denial at the provider is cancelled for good: nothing watched on', async () => {
    const { popup, client, result } = await navigated({ state: 'state-1', status: 'failed', error: { code: 'access_denied', message: '' } }, { latePollMs: [10, 10] });
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
    expect(error.code).to.equal('access_denied');
    expect(error.late).to.equal(undefined);
    await sleep(50);
    expect(client.outcomes).to.have.length(1);
  });

  it('rejects as cancelled when asking the endpoint fails, and watches on', async () => {
    const controller = tracker().controller();
    const { popup, client, result } = await navigated(new NetworkError('offline'), { signal: controller.signal });
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
    expect(client.outcomes).to.have.length(1);
    expect(error.late).to.be.instanceOf(Promise);
    controller.abort();
    expect(await error.late).to.equal(undefined);
  });

  it('rejects as cancelled without asking when closed before the endpoint answered', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: deferred<Authorization>() });
    const result = authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open, pollIntervalMs: 10 });
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
    expect(error.late, 'the window was still our own blank page: really closed').to.equal(undefined);
    expect(client.outcomes).to.have.length(0);
    expect(client.starts[0].signal?.aborted, 'the pending request is cancelled').to.equal(true);
  });

  it('takes a message that arrives while the endpoint is being asked', async () => {
    const popup = await fakePopup();
    const outcome = deferred<AuthorizationOutcome>();
    const client = fakeClient();
    client.getAuthorizationOutcome = (state, options) => {
      client.outcomes.push({ state, signal: options?.signal });
      return outcome.promise;
    };
    const result = authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open, pollIntervalMs: 10 });
    await settleTasks();
    popup.userClose();
    await settleTasks();
    expect(client.outcomes).to.have.length(1);

    broadcast(message({ connectionId: 'conn-2' }));
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-2' });
    expect(client.outcomes[0].signal?.aborted, 'the question is withdrawn').to.equal(true);
    outcome.resolve({ state: 'state-1', status: 'pending' });
  });
});

describe('authorize: timeout', () => {
  releasedAfterEachTest(removeFrames);

  it('asks the endpoint once, rejects as timeout, keeps the window open and watches on a while', async () => {
    const { popup, client, result } = await navigated(undefined, { pollIntervalMs: 10_000, timeoutMs: 150, lateWatchMs: 80, latePollMs: [20, 50] });
    const seen = watch(result);
    await settleTasks();
    expect(seen.status, 'not before the timeout').to.equal('pending');
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('timeout');
    // The user may still be signing in: the window stays, and the outcome is watched for.
    expect(popup.closeCalls).to.equal(0);
    expect(client.outcomes.map(({ state }) => state)).to.deep.equal(['state-1']);
    expect(await error.late, 'nothing came within lateWatchMs').to.equal(undefined);
  });

  it('a sign-in finished after the timeout resolves `late` with its result', async () => {
    const { result, answer } = await navigated(undefined, { pollIntervalMs: 10_000, timeoutMs: 60, lateWatchMs: 2000, latePollMs: [20, 50] });
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('timeout');
    answer({ state: 'state-1', status: 'completed', connectionId: 'conn-late' });
    expect(await error.late).to.deep.equal({ state: 'state-1', connectionId: 'conn-late' });
  });

  it('resolves when the endpoint says completed at the timeout', async () => {
    const { popup, result } = await navigated({ state: 'state-1', status: 'completed', connectionId: 'conn-8' }, { pollIntervalMs: 10_000, timeoutMs: 60 });
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-8' });
    expect(popup.closeCalls).to.equal(1);
  });

  it('rejects as timeout without asking when the endpoint never answered', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: deferred<Authorization>() });
    const result = authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open, timeoutMs: 30 });
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('timeout');
    expect(client.outcomes).to.have.length(0);
    expect(popup.closeCalls).to.equal(1);
  });
});

describe('authorize: a window that only looked closed (a COOP sign-in page severed it)', () => {
  const { tracker } = releasedAfterEachTest(removeFrames);
  const pending: AuthorizationOutcome = { state: 'state-1', status: 'pending' };

  /** The window reads as closed while the endpoint still says pending: cancelled, with `late`. */
  async function cancelledWhilePending(options: Partial<AuthorizeOptions> = {}) {
    const flow = await navigated(pending, { latePollMs: [20, 50], ...options });
    flow.popup.userClose();
    const error = (await rejection(flow.result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
    expect(error.late, 'a late outcome to wait for').to.be.instanceOf(Promise);
    return { ...flow, error, late: watch(error.late!) };
  }

  it('resolves `late` with the result once the endpoint says completed, asking with a growing delay', async () => {
    const { client, error, late, answer } = await cancelledWhilePending();
    await sleep(150);
    expect(late.status, 'not while the endpoint says pending').to.equal('pending');
    const asked = client.outcomes.length;
    // The flow asked once; then after 20, 30, 45, 50, 50 ms…: a handful within 150 ms, not 8.
    expect(asked).to.be.within(3, 6);
    const backoff = tracker().live.delays.timeout.filter((ms) => ms >= 20 && ms <= 50);
    expect(backoff.slice(0, 4)).to.deep.equal([20, 30, 45, 50]);

    answer({ state: 'state-1', status: 'completed', connectionId: 'conn-7' });
    expect(await error.late).to.deep.equal({ state: 'state-1', connectionId: 'conn-7' });
    expect(client.outcomes.every(({ state }) => state === 'state-1')).to.equal(true);
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
  });

  it('resolves `late` with the result a same-origin callback page broadcasts', async () => {
    const { error } = await cancelledWhilePending({ latePollMs: [10_000, 10_000] });
    broadcast(message({ state: 'state-other', connectionId: 'conn-x' }));
    broadcast(message({ connectionId: 'conn-4' }));
    expect(await error.late).to.deep.equal({ state: 'state-1', connectionId: 'conn-4' });
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
  });

  it('resolves `late` with undefined once the endpoint says failed, and stops asking', async () => {
    const { client, error, answer } = await cancelledWhilePending();
    answer({ state: 'state-1', status: 'failed', error: { code: 'account_mismatch', message: 'Signed in as b@x.example' } });
    expect(await error.late).to.equal(undefined);
    const asked = client.outcomes.length;
    expect(asked).to.be.at.least(2);
    await sleep(120);
    expect(client.outcomes).to.have.length(asked);
  });

  it('resolves `late` with undefined at the flow\'s timeout when the endpoint never says', async () => {
    const startedAt = performance.now();
    const { client, error, late } = await cancelledWhilePending({ timeoutMs: 300 });
    await sleep(150);
    expect(late.status, 'not before the timeout').to.equal('pending');
    expect(await error.late).to.equal(undefined);
    // The flow's own deadline, counted from the start, not from the close.
    expect(performance.now() - startedAt).to.be.within(290, 600);
    const asked = client.outcomes.length;
    await sleep(120);
    expect(client.outcomes, 'no question after the timeout').to.have.length(asked);
  });

  it('stops on abort: withdraws the question under way and asks no more', async () => {
    const controller = tracker().controller();
    const { client, error, late } = await cancelledWhilePending({ signal: controller.signal });
    const question = deferred<AuthorizationOutcome>();
    client.getAuthorizationOutcome = (state, options) => {
      client.outcomes.push({ state, signal: options?.signal });
      return question.promise;
    };
    await sleep(80);
    const asked = client.outcomes.length;
    const underWay = client.outcomes[asked - 1];
    expect(underWay.signal?.aborted).to.equal(false);
    expect(late.status).to.equal('pending');

    controller.abort();
    expect(await error.late).to.equal(undefined);
    expect(underWay.signal?.aborted, 'the question is withdrawn').to.equal(true);
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
    question.resolve({ state: 'state-1', status: 'completed', connectionId: 'conn-1' });
    await sleep(80);
    expect(client.outcomes).to.have.length(asked);
    expect(late.value).to.equal(undefined);
  });

  it('is no longer the pending flow: another call opens a new window', async () => {
    const controller = tracker().controller();
    const { client, sourceId, error } = await cancelledWhilePending({ signal: controller.signal });
    expect(pendingAuthorization({ client, sourceId })).to.equal(undefined);
    const other = await fakePopup();
    const again = fakeOpen(other);
    const next = authorize({ client, sourceId, open: again.open, signal: controller.signal });
    expect(again.calls).to.have.length(1);
    controller.abort();
    expect(isAbortError(await rejection(next))).to.equal(true);
    expect(await error.late).to.equal(undefined);
  });
});

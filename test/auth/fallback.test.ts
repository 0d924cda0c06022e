import { expect } from '@open-wc/testing';
import { AuthorizationError, NetworkError } from '../../src/api/errors.js';
import type { Authorization, AuthorizationOutcome } from '../../src/api/types.js';
import { authorize } from '../../src/auth/index.js';
import { broadcast, deferred, fakeClient, fakeOpen, fakePopup, message, rejection, removeFrames, settleTasks, watch } from './helpers.js';
import { releasedAfterEachTest } from './resources.js';

let sources = 0;
const nextSource = () => `source-${++sources}`;

async function navigated(outcome?: AuthorizationOutcome | Error, timing: { pollIntervalMs?: number; timeoutMs?: number } = {}) {
  const popup = await fakePopup();
  const client = fakeClient({ outcome });
  const result = authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open, pollIntervalMs: 10, timeoutMs: 10_000, ...timing });
  await settleTasks();
  return { popup, client, result };
}

describe('authorize: the user closes the window', () => {
  releasedAfterEachTest(removeFrames);

  it('rejects as cancelled within about a second, after asking the endpoint once', async () => {
    // Default polling interval on purpose: this is the delay a user would see.
    const { popup, client, result } = await navigated(undefined, { pollIntervalMs: undefined });
    const closedAt = performance.now();
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(performance.now() - closedAt).to.be.below(1000);
    expect(error).to.be.instanceOf(AuthorizationError);
    expect(error.reason).to.equal('cancelled');
    expect(client.outcomes.map(({ state }) => state)).to.deep.equal(['state-1']);
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
  });

  it('rejects as cancelled when asking the endpoint fails', async () => {
    const { popup, client, result } = await navigated(new NetworkError('offline'));
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
    expect(client.outcomes).to.have.length(1);
  });

  it('rejects as cancelled without asking when closed before the endpoint answered', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: deferred<Authorization>() });
    const result = authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open, pollIntervalMs: 10 });
    popup.userClose();
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('cancelled');
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

  it('asks the endpoint once, then closes the window and rejects as timeout', async () => {
    const { popup, client, result } = await navigated(undefined, { pollIntervalMs: 10_000, timeoutMs: 150 });
    const seen = watch(result);
    await settleTasks();
    expect(seen.status, 'not before the timeout').to.equal('pending');
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('timeout');
    expect(popup.closeCalls).to.equal(1);
    expect(client.outcomes.map(({ state }) => state)).to.deep.equal(['state-1']);
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

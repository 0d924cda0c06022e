import { expect } from '@open-wc/testing';
import { AuthorizationError } from '../../src/auth/authorization-error.js';
import { authorize } from '../../src/auth/authorize.js';
import {
  broadcast,
  fakeClient,
  fakeOpen,
  fakePopup,
  message,
  rejection,
  removeFrames,
  settleTasks,
  watch,
  type FakePopup,
} from './helpers.js';
import { releasedAfterEachTest } from './resources.js';

let sources = 0;
const nextSource = () => `source-${++sources}`;

/** A flow whose pop-up has been navigated, so it now waits for the outcome of `state-1`. */
async function waiting(options: { endpoint?: string; expectedOrigin?: string } = {}) {
  const popup = await fakePopup();
  const client = fakeClient({ endpoint: options.endpoint });
  const result = authorize({
    client,
    sourceId: nextSource(),
    open: fakeOpen(popup).open,
    expectedOrigin: options.expectedOrigin,
    // Long enough that only messages can end these flows.
    pollIntervalMs: 10_000,
    timeoutMs: 10_000,
  });
  const seen = watch(result);
  await settleTasks();
  return { popup, client, result, seen };
}

/** A message event as the browser would deliver it, with any origin and source. */
function deliver(origin: string, source: Window | null, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { origin, source, data }));
}

describe('authorize: messages from the callback page', () => {
  releasedAfterEachTest(removeFrames);

  it('resolves with the connection when the pop-up posts a completed outcome', async () => {
    const { popup, result } = await waiting();
    popup.post(message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
    expect(popup.closeCalls).to.equal(1);
  });

  it('resolves from the BroadcastChannel when the opener link is cut', async () => {
    const { result } = await waiting();
    broadcast(message({ connectionId: 'conn-7' }));
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-7' });
  });

  it('resolves with the accounts to choose from when the sign-in reached several, copying only their fields', async () => {
    const { popup, result } = await waiting();
    const accounts = [
      { accountId: '1', accountName: 'One', connectionId: 'conn-1', note: '<img src=x>' },
      { accountId: '2', accountName: 'Two' },
    ];
    popup.post({ ...message({ status: 'awaiting_selection', connectionId: undefined }), accounts } as never);
    expect(await result).to.deep.equal({
      state: 'state-1',
      accounts: [
        { accountId: '1', accountName: 'One', connectionId: 'conn-1' },
        { accountId: '2', accountName: 'Two' },
      ],
    });
  });

  it('fails a selection outcome with no account or a malformed one', async () => {
    for (const accounts of [[], [{ accountId: 1, accountName: 'One' }]]) {
      const { popup, result } = await waiting();
      popup.post({ ...message({ status: 'awaiting_selection', connectionId: undefined }), accounts } as never);
      const error = await rejection(result);
      expect(error).to.be.instanceOf(AuthorizationError);
      expect((error as AuthorizationError).code).to.equal('invalid_outcome');
    }
  });

  it('ignores a message from another origin', async () => {
    const { popup, result, seen } = await waiting();
    deliver('https://evil.example', popup.win, message({ connectionId: 'intruder' }));
    await settleTasks();
    expect(seen.status).to.equal('pending');
    deliver(location.origin, popup.win, message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('ignores a message that does not come from the pop-up', async () => {
    const { popup, result, seen } = await waiting();
    const stranger: FakePopup = await fakePopup();
    stranger.post(message({ connectionId: 'intruder' }));
    deliver(location.origin, window, message({ connectionId: 'intruder' }));
    deliver(location.origin, null, message({ connectionId: 'intruder' }));
    await settleTasks();
    expect(seen.status).to.equal('pending');
    popup.post(message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('ignores a wrong state, a wrong type and malformed data', async () => {
    const { popup, result, seen } = await waiting();
    const noise: unknown[] = [
      message({ state: 'state-2', connectionId: 'intruder' }),
      { ...message({ connectionId: 'intruder' }), type: 'other' },
      { state: 'state-1', status: 'completed', connectionId: 'intruder' },
      message({ status: 'pending' }),
      message({ connectionId: undefined }),
      message({ status: 'failed', error: 'denied' as never }),
      'dsw-authorization',
      null,
      42,
    ];
    for (const data of noise) popup.post(data);
    await settleTasks();
    expect(seen.status).to.equal('pending');
    popup.post(message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('ignores a broadcast for another state', async () => {
    const { result, seen } = await waiting();
    broadcast(message({ state: 'state-2', connectionId: 'intruder' }));
    broadcast({ state: 'state-1', status: 'completed', connectionId: 'intruder' });
    await settleTasks();
    expect(seen.status).to.equal('pending');
    broadcast(message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('expects messages from the origin of the endpoint by default', async () => {
    const { popup, result, seen } = await waiting({ endpoint: 'https://api.example.test/v1/' });
    deliver(location.origin, popup.win, message({ connectionId: 'intruder' }));
    await settleTasks();
    expect(seen.status).to.equal('pending');
    deliver('https://api.example.test', popup.win, message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('expects messages from the given origin instead when told', async () => {
    const { popup, result, seen } = await waiting({ expectedOrigin: 'https://auth.example.test/callback' });
    deliver(location.origin, popup.win, message({ connectionId: 'intruder' }));
    await settleTasks();
    expect(seen.status).to.equal('pending');
    deliver('https://auth.example.test', popup.win, message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });
});

describe('authorize: failed outcomes', () => {
  releasedAfterEachTest(removeFrames);

  it('rejects as cancelled when the user denied access', async () => {
    const { popup, result } = await waiting();
    popup.post(message({ status: 'failed', connectionId: undefined, error: { code: 'access_denied', message: 'The user denied access' } }));
    const error = (await rejection(result)) as AuthorizationError;
    expect(error).to.be.instanceOf(AuthorizationError);
    expect(error.reason).to.equal('cancelled');
    expect(error.code).to.equal('access_denied');
  });

  it('rejects as account-mismatch and keeps the message naming the account', async () => {
    const { popup, result } = await waiting();
    const text = 'You signed in as ads@other.example, not ads@acme.example';
    popup.post(message({ status: 'failed', connectionId: undefined, error: { code: 'account_mismatch', message: text } }));
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('account-mismatch');
    expect(error.code).to.equal('account_mismatch');
    expect(error.message).to.equal(text);
  });

  it('rejects as failed with the code and message of any other failure', async () => {
    const { popup, result } = await waiting();
    popup.post(message({ status: 'failed', connectionId: undefined, error: { code: 'provider_error', message: 'The provider is down' } }));
    const error = (await rejection(result)) as AuthorizationError;
    expect(error.reason).to.equal('failed');
    expect(error.code).to.equal('provider_error');
    expect(error.message).to.equal('The provider is down');
    expect(popup.closeCalls).to.equal(1);
  });
});

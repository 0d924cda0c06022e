import { expect } from '@open-wc/testing';
import { HttpError, isAbortError } from '../../src/api/errors.js';
import { AuthorizationError } from '../../src/auth/authorization-error.js';
import type { Authorization } from '../../src/api/types.js';
import { authorize, pendingAuthorization } from '../../src/auth/authorize.js';
import {
  AUTHORIZATION_URL,
  PROVIDER_URL,
  deferred,
  fakeClient,
  fakeOpen,
  fakePopup,
  log,
  message,
  rejection,
  removeFrames,
  settleTasks,
  watch,
} from './helpers.js';
import { NOTHING_LEFT, releasedAfterEachTest } from './resources.js';

let sources = 0;
const nextSource = () => `source-${++sources}`;

describe('authorize: opening the pop-up', () => {
  const { tracker } = releasedAfterEachTest(removeFrames);
  beforeEach(() => {
    log.length = 0;
  });

  it('opens about:blank before any await and navigates once the client answered', async () => {
    const popup = await fakePopup();
    const { open, calls } = fakeOpen(popup);
    const answer = deferred<Authorization>();
    const client = fakeClient({ start: answer });

    const result = authorize({ client, sourceId: nextSource(), open, pollIntervalMs: 10 });

    // Still inside the same task as the click: the window exists, the request is under way.
    expect(log).to.deep.equal(['open', 'start']);
    expect(calls[0].url).to.equal('about:blank');
    expect(calls[0].target).to.match(/^dsw-authorization-\w+$/);
    const left = Math.round(window.screenX + (window.outerWidth - 600) / 2);
    const top = Math.round(window.screenY + (window.outerHeight - 700) / 2);
    expect(calls[0].features).to.equal(`popup=yes,width=600,height=700,left=${left},top=${top}`);
    expect(client.starts[0].body).to.deep.equal({ origin: location.origin });
    await settleTasks();
    expect(popup.win.location.href, 'not navigated before the answer').to.equal(PROVIDER_URL);

    answer.resolve({ authorizationUrl: AUTHORIZATION_URL, state: 'state-1' });
    await settleTasks();
    expect(popup.win.location.href).to.equal(AUTHORIZATION_URL);

    popup.post(message());
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
  });

  it('asks to re-authorize the given connection, with the page origin', async () => {
    const popup = await fakePopup();
    const client = fakeClient();
    const sourceId = nextSource();
    const result = authorize({ client, sourceId, connectionId: 'conn-9', open: fakeOpen(popup).open, width: 500, height: 400 });
    expect(client.starts).to.have.length(1);
    expect(client.starts[0].sourceId).to.equal(sourceId);
    expect(client.starts[0].body).to.deep.equal({ connectionId: 'conn-9', origin: location.origin });
    await settleTasks();
    popup.post(message({ connectionId: 'conn-9' }));
    expect(await result).to.deep.equal({ state: 'state-1', connectionId: 'conn-9' });
  });

  it('rejects as blocked at once, with no request, when the browser blocks the window', async () => {
    const client = fakeClient();
    const { open, calls } = fakeOpen(null);
    const seen = watch(authorize({ client, sourceId: nextSource(), open }));
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.status).to.equal('rejected');
    expect(seen.error).to.be.instanceOf(AuthorizationError);
    expect((seen.error as AuthorizationError).reason).to.equal('blocked');
    expect(calls).to.have.length(1);
    expect(client.starts).to.have.length(0);
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
  });

  it('treats an open() that throws (sandboxed frames) as blocked', async () => {
    const client = fakeClient();
    const open = () => {
      throw new DOMException('no pop-ups here', 'SecurityError');
    };
    const error = await rejection(authorize({ client, sourceId: nextSource(), open }));
    expect((error as AuthorizationError).reason).to.equal('blocked');
    expect(client.starts).to.have.length(0);
  });

  it('opens nothing when the signal is already aborted', async () => {
    const client = fakeClient();
    const { open, calls } = fakeOpen(null);
    const error = await rejection(authorize({ client, sourceId: nextSource(), open, signal: AbortSignal.abort() }));
    expect(isAbortError(error)).to.equal(true);
    expect(calls).to.have.length(0);
    expect(client.starts).to.have.length(0);
  });

  it('rejects with the request error and closes the window when the endpoint refuses', async () => {
    const popup = await fakePopup();
    const refusal = new HttpError(404, 'not_found', 'No such data source');
    const client = fakeClient({ start: refusal });
    const error = await rejection(authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open }));
    expect(error).to.equal(refusal);
    expect(popup.closeCalls).to.equal(1);
  });

  it('refuses an authorization URL that is not http(s) and never navigates to it', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: { authorizationUrl: 'javascript:alert(1)', state: 'state-1' } });
    const error = await rejection(authorize({ client, sourceId: nextSource(), open: fakeOpen(popup).open }));
    expect((error as AuthorizationError).reason).to.equal('failed');
    expect((error as AuthorizationError).code).to.equal('invalid_authorization_url');
    expect(popup.win.location.href).to.equal(PROVIDER_URL);
    expect(popup.closeCalls).to.equal(1);
  });
});

describe('authorize: one flow per endpoint, source and connection', () => {
  releasedAfterEachTest(removeFrames);

  it('focuses the open window and returns the same promise on a second call', async () => {
    const popup = await fakePopup();
    const other = await fakePopup();
    const first = fakeOpen(popup);
    const second = fakeOpen(other);
    const client = fakeClient();
    const sourceId = nextSource();

    expect(pendingAuthorization({ client, sourceId })).to.equal(undefined);
    const one = authorize({ client, sourceId, open: first.open });
    expect(pendingAuthorization({ client, sourceId }), 'how a caller learns it would join').to.equal(one);
    // Another client object on the same endpoint is the same flow.
    const two = authorize({ client: fakeClient(), sourceId, open: second.open });

    expect(two).to.equal(one);
    expect(second.calls).to.have.length(0);
    expect(popup.focusCalls).to.equal(1);
    expect(client.starts).to.have.length(1);

    await settleTasks();
    popup.post(message());
    await one;
    expect(pendingAuthorization({ client, sourceId })).to.equal(undefined);
  });

  it('keeps flows for another connection or another endpoint apart', async () => {
    const popups = [await fakePopup(), await fakePopup(), await fakePopup()];
    const sourceId = nextSource();
    const opens = popups.map((popup) => fakeOpen(popup));
    const add = authorize({ client: fakeClient(), sourceId, open: opens[0].open });
    const reconnect = authorize({ client: fakeClient({ state: 'state-2' }), sourceId, connectionId: 'conn-1', open: opens[1].open });
    const elsewhere = authorize({
      client: fakeClient({ endpoint: `${location.origin}/other-api/`, state: 'state-3' }),
      sourceId,
      open: opens[2].open,
    });
    expect(opens.map(({ calls }) => calls.length)).to.deep.equal([1, 1, 1]);
    expect(reconnect).not.to.equal(add);
    expect(elsewhere).not.to.equal(add);

    await settleTasks();
    popups[0].post(message());
    popups[1].post(message({ state: 'state-2', connectionId: 'conn-1' }));
    popups[2].post(message({ state: 'state-3', connectionId: 'conn-3' }));
    expect(await add).to.deep.equal({ state: 'state-1', connectionId: 'conn-1' });
    expect(await reconnect).to.deep.equal({ state: 'state-2', connectionId: 'conn-1' });
    expect(await elsewhere).to.deep.equal({ state: 'state-3', connectionId: 'conn-3' });
  });
});

describe('authorize: abort and release', () => {
  const { tracker } = releasedAfterEachTest(removeFrames);

  it('closes the window, cancels the request and rejects with an AbortError on abort', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: deferred<Authorization>() });
    const controller = tracker().controller();
    const sourceId = nextSource();
    const seen = watch(authorize({ client, sourceId, open: fakeOpen(popup).open, signal: controller.signal }));

    controller.abort();
    await Promise.resolve();
    expect(seen.status).to.equal('rejected');
    expect(seen.error).to.be.instanceOf(DOMException);
    expect((seen.error as DOMException).name).to.equal('AbortError');
    expect(popup.closeCalls).to.equal(1);
    expect(client.starts[0].signal?.aborted, 'request aborted').to.equal(true);
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
    expect(pendingAuthorization({ client, sourceId })).to.equal(undefined);
  });

  it('keeps a shared flow running until every caller has aborted', async () => {
    const popup = await fakePopup();
    const client = fakeClient({ start: deferred<Authorization>() });
    const first = tracker().controller();
    const second = tracker().controller();
    const sourceId = nextSource();
    const open = fakeOpen(popup).open;
    const seen = watch(authorize({ client, sourceId, open, signal: first.signal }));
    authorize({ client, sourceId, open, signal: second.signal }).catch(() => {});

    first.abort();
    await settleTasks();
    expect(seen.status, 'the other caller still waits').to.equal('pending');
    expect(popup.closeCalls).to.equal(0);

    second.abort();
    await Promise.resolve();
    expect(isAbortError(seen.error)).to.equal(true);
    expect(popup.closeCalls).to.equal(1);
  });

  it('holds a timer, an interval, a message listener, a channel and an abort listener only while running', async () => {
    const popup = await fakePopup();
    const controller = tracker().controller();
    const result = authorize({ client: fakeClient(), sourceId: nextSource(), open: fakeOpen(popup).open, signal: controller.signal, pollIntervalMs: 10 });
    expect(tracker().counts()).to.deep.equal({ intervals: 1, timeouts: 1, messageListeners: 1, channels: 1, abortListeners: 1 });

    await settleTasks();
    popup.post(message());
    await result;
    expect(tracker().counts()).to.deep.equal(NOTHING_LEFT);
  });

  it('polls every 500 ms and gives up after 5 minutes by default', async () => {
    const popup = await fakePopup();
    const controller = tracker().controller();
    const result = authorize({ client: fakeClient(), sourceId: nextSource(), open: fakeOpen(popup).open, signal: controller.signal });
    expect(tracker().live.delays).to.deep.equal({ interval: [500], timeout: [300_000] });
    controller.abort();
    expect(isAbortError(await rejection(result))).to.equal(true);
  });
});

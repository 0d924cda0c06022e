// Test doubles for the authorization flow: a pop-up that is a real Window (a same-origin iframe,
// so `event.source` checks are real), a recording `open`, a fake client, and a tracker of the
// timers, listeners and channels the flow creates.
import type { AuthorizationClient, AuthorizationResult } from '../../src/auth/types.js';
import type { Authorization, AuthorizationMessage, AuthorizationOutcome, AuthorizationRequest } from '../../src/api/types.js';

export const PROVIDER_URL = new URL('./fixtures/provider.html', import.meta.url).href;
/** A fragment change of the page the pop-up already shows: navigating keeps its realm (and spies). */
export const AUTHORIZATION_URL = `${PROVIDER_URL}#authorize`;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets queued tasks (postMessage, BroadcastChannel, resolved requests) run. */
export const settleTasks = () => sleep(10);

/** Order of the things the flow did, shared by the fakes, to check what came before what. */
export const log: string[] = [];

export interface FakePopup {
  win: Window;
  closeCalls: number;
  focusCalls: number;
  /** The user closes the window (the iframe goes away, so `closed` reads true). */
  userClose(): void;
  /** A real postMessage to the host page, sent from inside the pop-up. */
  post(data: unknown): void;
}

const frames: HTMLIFrameElement[] = [];

export async function fakePopup(): Promise<FakePopup> {
  const frame = document.createElement('iframe');
  frame.src = PROVIDER_URL;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow!;
  const popup: FakePopup = {
    win,
    closeCalls: 0,
    focusCalls: 0,
    userClose: () => frame.remove(),
    post(data) {
      // A function of the pop-up's realm, so the message's source is the pop-up itself.
      const send = new (win as unknown as { Function: FunctionConstructor }).Function('data', 'parent.postMessage(data, "*")');
      send(data);
    },
  };
  Object.assign(win, {
    close: () => {
      popup.closeCalls += 1;
      log.push('close');
    },
    focus: () => {
      popup.focusCalls += 1;
    },
  });
  return popup;
}

export function removeFrames(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

export interface OpenCall {
  url: string;
  target: string;
  features: string;
}

export function fakeOpen(popup: FakePopup | null) {
  const calls: OpenCall[] = [];
  const open = (url: string, target: string, features: string) => {
    calls.push({ url, target, features });
    log.push('open');
    return popup?.win ?? null;
  };
  return { open, calls };
}

export interface FakeClientOptions {
  endpoint?: string;
  state?: string;
  /** What `startAuthorization` answers; a Deferred lets the test decide when. */
  start?: Authorization | Deferred<Authorization> | Error;
  /** What `getAuthorizationOutcome` answers. */
  outcome?: AuthorizationOutcome | Error;
}

export interface FakeClient extends AuthorizationClient {
  starts: Array<{ sourceId: string; body: AuthorizationRequest; signal?: AbortSignal }>;
  outcomes: Array<{ state: string; signal?: AbortSignal }>;
}

export function fakeClient(options: FakeClientOptions = {}): FakeClient {
  const state = options.state ?? 'state-1';
  const start = options.start ?? { authorizationUrl: AUTHORIZATION_URL, state };
  const client: FakeClient = {
    endpoint: options.endpoint ?? '/api/',
    starts: [],
    outcomes: [],
    startAuthorization(sourceId, body, requestOptions) {
      client.starts.push({ sourceId, body, signal: requestOptions?.signal });
      log.push('start');
      if (start instanceof Error) return Promise.reject(start);
      if ('promise' in start) return start.promise;
      return Promise.resolve(start);
    },
    getAuthorizationOutcome(askedState, requestOptions) {
      client.outcomes.push({ state: askedState, signal: requestOptions?.signal });
      const outcome = options.outcome ?? { state: askedState, status: 'pending' };
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    },
  };
  return client;
}

export function message(fields: Partial<AuthorizationMessage> = {}): AuthorizationMessage {
  return { type: 'dsw-authorization', state: 'state-1', status: 'completed', connectionId: 'conn-1', ...fields };
}

/** Posts on the channel same-origin callback pages use. */
export function broadcast(data: unknown): void {
  const channel = new BroadcastChannel('dsw-authorization');
  channel.postMessage(data);
  channel.close();
}

/** Records how a promise ended, so a test can check it has not ended yet. */
export function watch<T>(promise: Promise<T>) {
  const seen: { status: 'pending' | 'resolved' | 'rejected'; value?: T; error?: unknown } = { status: 'pending' };
  promise.then(
    (value) => Object.assign(seen, { status: 'resolved', value }),
    (error: unknown) => Object.assign(seen, { status: 'rejected', error }),
  );
  return seen;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export type { AuthorizationResult };

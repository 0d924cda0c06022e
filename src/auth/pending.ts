/**
 * Sign-ins under way, kept in sessionStorage: a reload of the host page while a pop-up is open
 * (or after it timed out) picks the flow up again and still sees its late outcome. Per tab and
 * origin, as sessionStorage is; each entry expires with its flow's watch. Small and free of the
 * flow's code, so that a page can look for one without loading that code.
 */
const KEY = 'dsw-pending-authorizations';

export interface PendingAuthorization {
  /** The endpoint, absolute. */
  endpoint: string;
  sourceId: string;
  connectionId?: string;
  state: string;
  /** When the watch gives up (epoch ms). */
  expiresAt: number;
}

/** One spelling per endpoint: with and without the trailing slash are the same endpoint. */
const normal = (endpoint: string) => (endpoint.endsWith('/') ? endpoint : `${endpoint}/`);

/** What is stored, read once until this page writes: a page of many widgets asks once per widget. */
let left: PendingAuthorization[] | undefined;

/** States this page already picked up again, so that two widgets of one source watch once. */
const taken = new Set<string>();

function read(): PendingAuthorization[] {
  try {
    const list = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (p: PendingAuthorization) =>
        typeof p?.endpoint === 'string' &&
        typeof p.sourceId === 'string' &&
        typeof p.state === 'string' &&
        typeof p.expiresAt === 'number' &&
        p.expiresAt > Date.now(),
    );
  } catch {
    return []; // Storage refused (privacy modes) or garbled: nothing to pick up.
  }
}

function write(list: PendingAuthorization[]): void {
  left = undefined;
  try {
    if (list.length) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(list));
    else globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // Full or refused: the flow still runs in this page; only a reload would lose it.
  }
}

export function rememberPending(pending: PendingAuthorization): void {
  write([...read().filter((p) => p.state !== pending.state), { ...pending, endpoint: normal(pending.endpoint) }]);
}

export function forgetPending(state: string): void {
  const list = read();
  if (list.some((p) => p.state === state)) write(list.filter((p) => p.state !== state));
}

/**
 * The flows of `endpoint` (a function: resolved only when a flow of `sourceId` is there) and
 * `sourceId` left by an earlier page, each handed out once.
 */
export function takePending(endpoint: () => string, sourceId: string): PendingAuthorization[] {
  left ??= read();
  const found = left.filter((p) => p.sourceId === sourceId && !taken.has(p.state) && p.endpoint === normal(endpoint()));
  for (const p of found) taken.add(p.state);
  return found;
}

/** Marks a state as watched by this page already (its flow started here). */
export function markTaken(state: string): void {
  taken.add(state);
}

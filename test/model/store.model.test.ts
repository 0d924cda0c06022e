/**
 * Model-based test of the ConnectionStore (issue 11, item 4): random sequences of what users do
 * to one data source (connect, re-connect, delete, make main, refresh, open and close, switch
 * tabs, wait), against the stateful mock endpoint with random faults per request (500, 503,
 * network errors, slow answers, answers overtaken by later ones, writes refused before they
 * happen). After each step, once nothing is in flight, the store must show exactly what the
 * endpoint holds, main first then newest, one main, no row lost or doubled; a write that failed
 * must leave the store as it found it; the other tab must follow within 1.5 s.
 *
 * Reproducing a failure: fast-check prints `{ seed: …, path: "…", endOnFailure: true }` and, in
 * the counterexample, `/*replayPath="…"*\/`. Either
 *   - put them in test/model/seed.json — { "seed": 123, "path": "4:1", "replayPath": "…", "runs": 200 } —
 *     and run `npx wtr --files test/model/store.model.test.ts` (put the seed back and the rest to null after), or
 *   - without editing anything: `node scripts/model-nightly.mjs --seed=123 --path 4:1 [--replay-path …]`.
 * The test line runs 200 sequences from the seed in seed.json (fixed, so that a run of the test
 * line is the same sequences every time; timing still varies); the nightly run
 * (`npm run test:model:nightly`) is the same test with 2,000 runs and a fresh seed each time.
 */
import fc from 'fast-check';
import { expect } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { SOURCE, World, describeFault, other, rowsOf, type Fault, type Tab } from './world.js';

interface Settings {
  seed: number | null;
  path: string | null;
  replayPath: string | null;
  runs: number;
  /** Loaded-machine timing for every request without a fault (see World). */
  skew: boolean;
}

/** test/model/seed.json, or what the nightly script serves in its place. */
async function settings(): Promise<Settings> {
  const response = await fetch(new URL('./seed.json', import.meta.url));
  return { seed: null, path: null, replayPath: null, runs: 200, skew: false, ...((await response.json()) as Partial<Settings>) };
}

/** The model: only which tab the user is in; the endpoint's `sources` map is the truth. */
interface Model {
  tab: Tab;
}

type Step = fc.AsyncCommand<Model, World>;

interface Common {
  /** Started and not awaited: the next step overlaps it, and the checks wait for a settled step. */
  overlap: boolean;
  /** Faults of this step's requests, per tab, in order. */
  faults: Record<Tab, Fault[]>;
}

const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'ok' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('slow' as const), ms: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('late' as const), ms: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(500 as const, 503 as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'network' as const }) },
);
const common: fc.Arbitrary<Common> = fc.record({
  overlap: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))), // about 1 in 4
  faults: fc.record({ a: fc.array(fault, { maxLength: 4 }), b: fc.array(fault, { maxLength: 3 }) }),
});

const describeCommon = ({ overlap, faults }: Common) =>
  `${overlap ? ' overlapped' : ''}${faults.a.length || faults.b.length ? ` faults a[${faults.a.map(describeFault)}] b[${faults.b.map(describeFault)}]` : ''}`;

/** One user action; `act` returns whether it failed before any write (so the store must be as it was). */
abstract class Action implements Step {
  constructor(readonly common: Common) {}
  check(): boolean {
    return true;
  }
  abstract name(): string;
  protected abstract act(world: World): Promise<'refused' | void>;

  async run(_model: Model, world: World): Promise<void> {
    world.faults = structuredClone(this.common.faults);
    world.log.push(`— ${this.toString()} in tab ${world.active}`);
    if (this.common.overlap) {
      world.pending.push(this.act(world).catch(() => {}));
      return;
    }
    // The previous step settled, so nothing else moves: a refused write leaves the store as it was.
    const alone = world.pending.length === 0;
    const before = rowsOf(world.store.get(SOURCE));
    const outcome = await this.act(world);
    if (alone && outcome === 'refused') {
      expect(rowsOf(world.store.get(SOURCE)).join(' '), `${this.name()} failed: the store is as it was`).to.equal(before.join(' '));
    }
    await world.settle();
    await world.check();
  }

  toString(): string {
    return `${this.name()}${describeCommon(this.common)}`;
  }
}

/** Picks a row the user can act on (not one with a write in flight), by index. */
function pickRow(world: World, pick: number) {
  const state = world.store.get(SOURCE);
  const rows = state.connections.filter((c) => !state.busy.has(c.id));
  return rows.length ? rows[pick % rows.length] : undefined;
}

let accounts = 0;

/** An authorization completed at the endpoint, then the store reloads, as the connect controller does. */
class Connect extends Action {
  constructor(
    common: Common,
    /** Index of an initial account to sign in with again (the endpoint updates that one), or null: a new one. */
    readonly sameAccount: number | null,
  ) {
    super(common);
  }
  name() {
    return this.sameAccount === null ? 'connect' : `connect(account ${this.sameAccount + 1} again)`;
  }
  protected async act(world: World) {
    const store = world.store;
    const authorization = await store.client.startAuthorization(SOURCE, { origin: location.origin }).catch(() => undefined);
    if (!authorization) return 'refused';
    const n = ++accounts;
    const account =
      this.sameAccount === null
        ? { accountName: `Added ${n}`, accountId: `added-${n}` }
        : { accountName: `Again ${n}`, accountId: connections(5)[this.sameAccount]!.accountId };
    world.endpoint.complete(authorization.state, account);
    await store.reload(SOURCE).catch(() => {});
  }
}

class Reconnect extends Action {
  constructor(
    common: Common,
    readonly pick: number,
  ) {
    super(common);
  }
  name() {
    return `reconnect(#${this.pick})`;
  }
  protected async act(world: World) {
    const store = world.store;
    const connection = pickRow(world, this.pick);
    if (!connection) return;
    const authorization = await store.client
      .startAuthorization(SOURCE, { origin: location.origin, connectionId: connection.id })
      .catch(() => undefined);
    if (!authorization) return 'refused';
    world.endpoint.complete(authorization.state, { accountName: connection.accountName, accountId: connection.accountId });
    await store.reload(SOURCE).catch(() => {});
  }
}

class Write extends Action {
  constructor(
    common: Common,
    readonly kind: 'delete' | 'make main' | 'refresh',
    readonly pick: number,
  ) {
    super(common);
  }
  name() {
    return `${this.kind}(#${this.pick})`;
  }
  protected async act(world: World) {
    const store = world.store;
    const connection = pickRow(world, this.pick);
    if (!connection) return;
    const write =
      this.kind === 'delete'
        ? store.remove(SOURCE, connection.id)
        : this.kind === 'make main'
          ? store.makeMain(SOURCE, connection.id)
          : store.refresh(SOURCE, connection.id);
    return write.then(
      () => undefined,
      () => 'refused' as const,
    );
  }
}

/** A dialog opening (a forced load), or a second widget subscribing / leaving. */
class Open extends Action {
  constructor(
    common: Common,
    readonly kind: 'dialog' | 'subscribe' | 'unsubscribe',
  ) {
    super(common);
  }
  name() {
    return `open(${this.kind})`;
  }
  protected async act(world: World) {
    const store = world.store;
    if (this.kind === 'dialog') {
      await store.load(SOURCE, { force: true })?.catch(() => {});
    } else if (this.kind === 'subscribe') {
      world.second ??= store.subscribe(SOURCE, () => {});
      // A widget that subscribes loads unless the data is fresh.
      await store.load(SOURCE)?.catch(() => {});
    } else {
      world.second?.();
      world.second = undefined;
    }
  }
}

class SwitchTab implements Step {
  check() {
    return true;
  }
  async run(model: Model, world: World) {
    world.second?.();
    world.second = undefined;
    model.tab = other(model.tab);
    world.active = model.tab;
    world.log.push(`— switch to tab ${world.active}`);
  }
  toString() {
    return 'switch tab';
  }
}

class Settle implements Step {
  check() {
    return true;
  }
  async run(_model: Model, world: World) {
    world.log.push('— settle');
    await world.settle();
    await world.check();
  }
  toString() {
    return 'settle';
  }
}

const pick = fc.nat({ max: 9 });
const steps: fc.Arbitrary<Step>[] = [
  fc.tuple(common, fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 4 }) })).map(([c, same]) => new Connect(c, same)),
  fc.tuple(common, pick).map(([c, p]) => new Reconnect(c, p)),
  fc.tuple(common, pick).map(([c, p]) => new Write(c, 'delete', p)),
  fc.tuple(common, pick).map(([c, p]) => new Write(c, 'make main', p)),
  fc.tuple(common, pick).map(([c, p]) => new Write(c, 'refresh', p)),
  fc.tuple(common, fc.constantFrom('dialog' as const, 'subscribe' as const, 'unsubscribe' as const)).map(([c, k]) => new Open(c, k)),
  fc.constant(new SwitchTab()),
  fc.constant(new Settle()),
];

/** The endpoint at the start: 0 to 5 connections, some failing. */
const initial = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.subarray([0, 1, 2, 3, 4]))
  .map(([count, failing]) => googleAds(connections(count, failing.filter((i) => i < count))));

describe('ConnectionStore: model-based', () => {
  it('shows what the endpoint holds after any sequence of actions, faults and tabs', async function () {
    const { seed, path, replayPath, runs, skew } = await settings();
    this.timeout(Math.max(50_000, runs * 400));
    let lastLog: string[] = [];
    const started = performance.now();
    const property = fc.asyncProperty(
      initial,
      fc.commands(steps, { maxCommands: 10, ...(replayPath ? { replayPath } : {}) }),
      async (source, commands) => {
        const world = await World.create(source, skew);
        lastLog = world.log;
        try {
          await fc.asyncModelRun(() => ({ model: { tab: 'a' as Tab }, real: world }), commands);
          // Whatever the last step was: once settled, both tabs show the truth.
          await world.settle();
          await world.check();
        } finally {
          await world.dispose();
        }
      },
    );
    // Chosen here rather than by fast-check, so that a passing run can say it too.
    const runSeed = seed ?? (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
    try {
      await fc.assert(property, {
        numRuns: runs,
        includeErrorInReport: true,
        seed: runSeed,
        ...(path !== null ? { path, endOnFailure: true } : {}),
      });
    } catch (error) {
      // The requests of the last run tried (the shrunk counterexample when replayed with its path).
      console.log(`Requests of the last run:\n${lastLog.join('\n')}`);
      throw error;
    }
    console.log(`model: ${runs} runs, seed ${runSeed}, in ${Math.round(performance.now() - started)} ms`);
  });
});

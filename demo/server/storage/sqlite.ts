import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Param, Sql } from './sql.js';

type Statement = Database.Statement<unknown[], unknown>;

/**
 * `Sql` over one better-sqlite3 connection. Statements are prepared once per text and kept
 * (preparing is most of the cost of a small query). Calls run synchronously underneath; the
 * promises are for the interface PostgreSQL needs.
 *
 * A transaction spans awaits, and on one connection anything run meanwhile would join it: so
 * transactions take turns, and a statement from outside waits while one is open. Code running
 * inside a transaction that reaches for the outer `Sql` by mistake is recognised (async context)
 * and joins it, instead of waiting for itself forever.
 *
 * Reads outside transactions keep their rows until the next write: any write of this connection
 * empties the cache, and so does a commit by another process (`PRAGMA data_version` moves), so a
 * read never serves what the file held before its request arrived. The version is read once per
 * event-loop turn (reading it takes the file's lock, which cost more than the kept reads
 * themselves): a commit elsewhere is seen from the next turn, where any request sent after it
 * arrives. Rows are shared: callers must not change them.
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();
  private tail: Promise<unknown> = Promise.resolve();
  private open = 0;
  private readonly within = new AsyncLocalStorage<true>();
  private readonly cache = new Map<string, unknown>();
  private readonly dataVersion: Database.Statement<[], number>;
  private seenVersion = -1;
  /** Whether `data_version` was read in this event-loop turn. */
  private versionRead = false;
  /** What code inside a transaction uses: runs at once, nested transactions flatten. */
  private readonly inside: Sql;

  constructor(readonly db: Database.Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.inside = {
      dialect: 'sqlite',
      all: async (text, params) => this.allNow(text, params),
      get: async (text, params) => this.getNow(text, params),
      run: async (text, params) => this.runNow(text, params),
      transaction: (fn) => fn(this.inside),
      lock: async () => {},
    };
  }

  private statement(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Forgets the prepared statements: after the tables are dropped and made again. */
  forget(): void {
    this.statements.clear();
    this.cache.clear();
  }

  /** The cached answer of a read, or undefined; the cache is emptied when another process wrote. */
  private cached(key: string): unknown {
    if (this.versionRead) return this.cache.get(key);
    this.versionRead = true;
    setImmediate(() => {
      this.versionRead = false;
    });
    const version = this.dataVersion.get()!;
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      this.cache.clear();
      return undefined;
    }
    return this.cache.get(key);
  }

  private remember(key: string, value: unknown): void {
    if (this.cache.size >= 2000) this.cache.clear();
    this.cache.set(key, value);
  }

  allNow<T>(text: string, params: readonly Param[] = []): T[] {
    const statement = this.statement(text);
    // A write with RETURNING comes through here too.
    if (!statement.readonly) this.cache.clear();
    return statement.all(...params) as T[];
  }

  getNow<T>(text: string, params: readonly Param[] = []): T | undefined {
    const statement = this.statement(text);
    if (!statement.readonly) this.cache.clear();
    return statement.get(...params) as T | undefined;
  }

  runNow(text: string, params: readonly Param[] = []): number {
    this.cache.clear();
    return this.statement(text).run(...params).changes;
  }

  async all<T>(text: string, params: readonly Param[] = []): Promise<T[]> {
    if (this.open) {
      if (this.within.getStore()) return this.allNow<T>(text, params);
      await this.idle();
    }
    if (!this.statement(text).readonly) return this.allNow<T>(text, params);
    const key = `a\u0000${text}\u0000${JSON.stringify(params)}`;
    let rows = this.cached(key) as T[] | undefined;
    if (!rows) this.remember(key, (rows = this.allNow<T>(text, params)));
    return rows;
  }

  async get<T>(text: string, params: readonly Param[] = []): Promise<T | undefined> {
    if (this.open) {
      if (this.within.getStore()) return this.getNow<T>(text, params);
      await this.idle();
    }
    if (!this.statement(text).readonly) return this.getNow<T>(text, params);
    const key = `g\u0000${text}\u0000${JSON.stringify(params)}`;
    let row = this.cached(key) as { value: T | undefined } | undefined;
    if (!row) this.remember(key, (row = { value: this.getNow<T>(text, params) }));
    return row.value;
  }

  async run(text: string, params?: readonly Param[]): Promise<number> {
    if (this.open && !this.within.getStore()) await this.idle();
    return this.runNow(text, params);
  }

  async lock(): Promise<void> {}

  private async idle(): Promise<void> {
    while (this.open) await this.tail.catch(() => {});
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.within.getStore()) return fn(this.inside);
    const run = async (): Promise<T> => {
      this.open++;
      // IMMEDIATE: take the write lock now, so another process (db:reset) cannot slip between.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.within.run(true, () => fn(this.inside));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        this.open--;
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => {});
    return result;
  }
}

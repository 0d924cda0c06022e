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
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();
  private tail: Promise<unknown> = Promise.resolve();
  private open = 0;
  private readonly within = new AsyncLocalStorage<true>();
  /** What code inside a transaction uses: runs at once, nested transactions flatten. */
  private readonly inside: Sql;

  constructor(readonly db: Database.Database) {
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
  }

  allNow<T>(text: string, params: readonly Param[] = []): T[] {
    return this.statement(text).all(...params) as T[];
  }

  getNow<T>(text: string, params: readonly Param[] = []): T | undefined {
    return this.statement(text).get(...params) as T | undefined;
  }

  runNow(text: string, params: readonly Param[] = []): number {
    return this.statement(text).run(...params).changes;
  }

  async all<T>(text: string, params?: readonly Param[]): Promise<T[]> {
    if (this.open && !this.within.getStore()) await this.idle();
    return this.allNow<T>(text, params);
  }

  async get<T>(text: string, params?: readonly Param[]): Promise<T | undefined> {
    if (this.open && !this.within.getStore()) await this.idle();
    return this.getNow<T>(text, params);
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

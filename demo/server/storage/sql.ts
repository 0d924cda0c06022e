/**
 * The one interface between the reference backend and its database. Stores write portable SQL
 * with `?` placeholders (the PostgreSQL adapter numbers them) and no engine-only functions, so
 * the same rules run on SQLite (one process) and on PostgreSQL (several instances).
 */

export type Param = string | number | null;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(text: string, params?: readonly Param[]): Promise<T[]>;
  get<T>(text: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: readonly Param[]): Promise<number>;
  /**
   * Runs `fn` in one transaction (committed when it resolves, rolled back when it throws).
   * Inside, use `tx`, never the outer `Sql`: on PostgreSQL they are different connections.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction: waits until no other transaction holds `key`, and holds it until
   * this one ends. Writers of one user's source take it first, so that two instances cannot
   * interleave "clear the main, set the main" (SQLite serialises every write anyway).
   */
  lock(key: string): Promise<void>;
  /**
   * A number that changes whenever any connection of `userId` changes, by whichever instance:
   * a read kept in memory is good while it stays the same. Absent when the adapter keeps its
   * reads fresh itself (SQLite, one process).
   */
  changeVersion?(userId: string): Promise<number>;
}

/** What `openStorage` returns: the SQL access, and the lifecycle around it. */
export interface Storage {
  readonly sql: Sql;
  /** Drops every table, creates them again and seeds them, in one transaction. */
  reset(now: number): Promise<void>;
  close(): Promise<void>;
}

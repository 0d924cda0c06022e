import pg from 'pg';
import { seed } from '../seed.js';
import { LINK_TABLES, SCHEMA, SCHEMA_VERSION, TABLES, TOKEN_TABLES, schemaText } from './schema.js';
import type { Param, Sql, Storage } from './sql.js';

/** BIGINT columns hold milliseconds, well inside a double: read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Each distinct text becomes one named statement, which node-postgres prepares once per
 * connection and then only executes; `?` placeholders are numbered for PostgreSQL here.
 */
const statements = new Map<string, { name: string; text: string }>();
function statement(text: string): { name: string; text: string } {
  let found = statements.get(text);
  if (!found) {
    let n = 0;
    found = { name: `dsw_${statements.size + 1}`, text: text.replace(/\?/g, () => `$${++n}`) };
    statements.set(text, found);
  }
  return found;
}

/** `Sql` over a pool (each call on any free connection) or over one connection in a transaction. */
class PostgresSql implements Sql {
  readonly dialect = 'postgres';

  constructor(
    private readonly pool: pg.Pool,
    private readonly client?: pg.PoolClient,
  ) {}

  private async query<T>(text: string, params: readonly Param[] = []): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    const { name, text: numbered } = statement(text);
    return (this.client ?? this.pool).query<T & pg.QueryResultRow>({ name, text: numbered, values: params as Param[] });
  }

  async all<T>(text: string, params?: readonly Param[]): Promise<T[]> {
    return (await this.query<T>(text, params)).rows;
  }

  async get<T>(text: string, params?: readonly Param[]): Promise<T | undefined> {
    return (await this.query<T>(text, params)).rows[0];
  }

  async run(text: string, params?: readonly Param[]): Promise<number> {
    return (await this.query(text, params)).rowCount ?? 0;
  }

  async changeVersion(userId: string): Promise<number> {
    return (await this.get<{ version: number }>('SELECT version FROM change_versions WHERE user_id = ?', [userId]))?.version ?? 0;
  }

  async lock(key: string): Promise<void> {
    if (!this.client) throw new Error('lock() holds until the transaction ends: call it inside one.');
    await this.query('SELECT pg_advisory_xact_lock(hashtext(?))', [key]);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresSql(this.pool, client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Plain SQL, unprepared (schema changes). */
  async exec(text: string): Promise<void> {
    await (this.client ?? this.pool).query(text);
  }
}

/** Held while one instance creates or resets the tables, so that instances starting together take turns. */
const SCHEMA_LOCK = 'SELECT pg_advisory_xact_lock(7256031)';

/**
 * Every change to a user's connections, by any instance and any code (a refresh job included),
 * moves that user's version, in the same transaction: instances keep reads in memory and check
 * the version (one tiny query) instead of reading the rows again. Never dropped by a reset, so
 * a version never goes back to one an instance has seen.
 */
const CHANGE_VERSIONS = [
  'CREATE TABLE IF NOT EXISTS change_versions (user_id TEXT PRIMARY KEY, version BIGINT NOT NULL)',
  `CREATE OR REPLACE FUNCTION dsw_connections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO change_versions AS v (user_id, version) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END, 1)
       ON CONFLICT (user_id) DO UPDATE SET version = v.version + 1;
     RETURN NULL;
   END $$`,
  'DROP TRIGGER IF EXISTS connections_changed ON connections',
  'CREATE TRIGGER connections_changed AFTER INSERT OR UPDATE OR DELETE ON connections FOR EACH ROW EXECUTE FUNCTION dsw_connections_changed()',
  // The links' facts served with the sources (pending counts, who connected) are kept the same way.
  'DROP TRIGGER IF EXISTS connect_links_changed ON connect_links',
  'CREATE TRIGGER connect_links_changed AFTER INSERT OR UPDATE OR DELETE ON connect_links FOR EACH ROW EXECUTE FUNCTION dsw_connections_changed()',
];

async function createSchema(tx: PostgresSql): Promise<void> {
  await tx.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = await tx.get<{ version: number }>('SELECT version FROM schema_version');
  // Version 4 only added the links and history tables, version 5 the account choices, version 7
  // the rate limits' buckets and the renewal leases (all made IF NOT EXISTS below), version 6 the grant of each token
  // row: each row before it is its own.
  if (row && row.version >= 3 && row.version < SCHEMA_VERSION) {
    for (const text of LINK_TABLES) await tx.exec(schemaText(text, 'postgres'));
    // The token table (made with its grants when there was none), then its grants (each row its own).
    await tx.exec(schemaText(TOKEN_TABLES[0]!, 'postgres'));
    await tx.exec(`ALTER TABLE oauth_tokens ADD COLUMN IF NOT EXISTS grant_id TEXT;
      UPDATE oauth_tokens SET grant_id = connection_id WHERE grant_id IS NULL;
      ALTER TABLE oauth_tokens ALTER COLUMN grant_id SET NOT NULL`);
    await tx.run('UPDATE schema_version SET version = ?', [SCHEMA_VERSION]);
  } else if (row && row.version !== SCHEMA_VERSION) {
    throw new Error(`The PostgreSQL database has schema version ${row.version}, this server needs ${SCHEMA_VERSION}: reset it.`);
  }
  for (const text of SCHEMA) await tx.exec(schemaText(text, 'postgres'));
  for (const text of CHANGE_VERSIONS) await tx.exec(text);
  if (!row) await tx.run('INSERT INTO schema_version (version) VALUES (?)', [SCHEMA_VERSION]);
}

export interface PostgresOptions {
  /** A connection string (`postgres://user@host:port/db`) or node-postgres pool settings. */
  connection: string | pg.PoolConfig;
  /** Starts the data over (tables dropped, created and seeded). */
  reset?: boolean;
  /** Seeds the demo data into an empty database (default true). */
  seed?: boolean;
}

/**
 * The PostgreSQL storage, for several instances behind a load balancer: every instance opens
 * its own pool on the same database. The first one creates the tables (and seeds them).
 */
export async function openPostgres(options: PostgresOptions, now: number): Promise<Storage> {
  const config = typeof options.connection === 'string' ? { connectionString: options.connection } : options.connection;
  const pool = new pg.Pool({ max: 10, ...config, types });
  // A connection dropped by the server (a restart, a failover) must not crash the process.
  pool.on('error', () => {});
  const sql = new PostgresSql(pool);
  const reset = (at: number) =>
    sql.transaction(async (tx) => {
      const pgTx = tx as PostgresSql;
      await pgTx.exec(SCHEMA_LOCK);
      for (const table of TABLES) await pgTx.exec(`DROP TABLE IF EXISTS ${table} CASCADE`);
      await createSchema(pgTx);
      await seed(tx, at);
      // Users left with no connection after the reseed changed too.
      await pgTx.exec('UPDATE change_versions SET version = version + 1');
    });
  try {
    if (options.reset) {
      await reset(now);
    } else {
      await sql.transaction(async (tx) => {
        const pgTx = tx as PostgresSql;
        await pgTx.exec(SCHEMA_LOCK);
        await createSchema(pgTx);
        const { count } = (await tx.get<{ count: number }>('SELECT CAST(count(*) AS INTEGER) AS count FROM data_sources'))!;
        if (count === 0 && options.seed !== false) await seed(tx, now);
      });
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return { sql, reset, close: () => (closing ??= pool.end()) };
}

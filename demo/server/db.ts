import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_USERS, seed } from './seed.js';
import { CHOICE_TABLES, INSTANCE_TABLES, LINK_TABLES, SCHEMA, SCHEMA_VERSION, TABLES, TOKEN_TABLES, schemaText } from './storage/schema.js';
import type { Storage } from './storage/sql.js';
import { SqliteSql } from './storage/sqlite.js';

export type Db = Database.Database;

/** The SQLite storage: one file, one process (the default, and what `npm start` uses). */
export interface SqliteStorage extends Storage {
  readonly sql: SqliteSql;
  readonly db: Db;
}

/**
 * Opens (and on first use creates and seeds) a SQLite database; `reset` starts it over whatever
 * it held, an older schema included.
 */
export async function openDatabase(path: string, now: number, options: { reset?: boolean } = {}): Promise<SqliteStorage> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  const sql = new SqliteSql(db);
  const storage: SqliteStorage = {
    sql,
    db,
    async reset(at) {
      await sql.transaction(async (tx) => {
        for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
        sql.forget();
        createSchema(db);
        await seed(tx, at);
      });
    },
    async close() {
      db.close();
    },
  };
  try {
    // WAL lets `npm run db:reset` write while a server reads the same file.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A reader never waits for the disk on commit; a crash may lose the last commits, not the file.
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (options.reset) {
      await storage.reset(now);
    } else if (version === 0) {
      db.transaction(() => createSchema(db))();
    } else if (version < SCHEMA_VERSION && MIGRATIONS[version]) {
      db.transaction(() => migrate(db, version))();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`${path} has schema version ${version}, this server needs ${SCHEMA_VERSION}: run "npm run db:reset".`);
    }
    const empty = (await sql.get<{ count: number }>('SELECT count(*) AS count FROM data_sources'))!.count === 0;
    if (empty) await sql.transaction((tx) => seed(tx, now));
  } catch (error) {
    db.close();
    throw error;
  }
  return storage;
}

const FIRST = DEMO_USERS[0]!.id;
const USERS = DEMO_USERS.map((user) => `('${user.id}', '${user.name.replace(/'/g, "''")}')`).join(', ');

/**
 * Steps from each older version to the next, so that a demo database keeps its connections
 * (and whatever a developer did to them) across an upgrade instead of asking for a reset.
 * Version 3 brought users: what existed belongs to the first demo user. Version 4 brought
 * connect links and the history (../links.ts, ../history.ts), version 5 the account choices
 * (../selection.ts), version 6 the grant of each token row (each row until then its own),
 * version 7 the rate limits' buckets and the grants' renewal leases. A file
 * of the links branch's own version 3 (links and history, no users) is told apart by its missing
 * users table.
 */
const MIGRATIONS: Record<number, (db: Db) => void> = {
  1: (db) => db.exec('ALTER TABLE connections ADD COLUMN expires_at TEXT'),
  2: (db) => {
    db.exec(`ALTER TABLE connections RENAME TO connections_v2; ALTER TABLE authorizations RENAME TO authorizations_v2;`);
    db.exec('DROP INDEX IF EXISTS connections_one_main');
    for (const statement of SCHEMA) db.exec(schemaText(statement, 'sqlite'));
    db.exec(`
      INSERT INTO users (id, name) VALUES ${USERS};
      INSERT INTO connections SELECT id, '${FIRST}', source_id, account_id, account_name, status, error_code, error_message,
        is_main, created_at, updated_at, authorized_at, expires_at FROM connections_v2;
      INSERT INTO authorizations SELECT state, '${FIRST}', source_id, connection_id, origin, status, result_connection_id,
        error_code, error_message, created_at, expires_at, used_at FROM authorizations_v2;
      DROP TABLE connections_v2; DROP TABLE authorizations_v2;`);
  },
  3: (db) => {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get()) {
      for (const statement of LINK_TABLES) db.exec(schemaText(statement, 'sqlite'));
      return;
    }
    // The links branch's version 3: version 2's tables plus links and history, all without users.
    db.exec(`ALTER TABLE connect_links RENAME TO connect_links_v3; ALTER TABLE connect_link_states RENAME TO connect_link_states_v3;
      ALTER TABLE history RENAME TO history_v3;
      DROP INDEX IF EXISTS connect_links_by_source; DROP INDEX IF EXISTS history_by_source; DROP INDEX IF EXISTS history_by_connection;`);
    MIGRATIONS[2]!(db);
    db.exec(`
      INSERT INTO connect_links SELECT id, '${FIRST}', source_id, lower(hex(token_sha256)), recipient, note, status, created_at, expires_at,
        ended_at, connection_id FROM connect_links_v3;
      INSERT INTO connect_link_states SELECT state, link_id FROM connect_link_states_v3;
      INSERT INTO history SELECT seq, '${FIRST}', source_id, type, at, connection_id, account_name, account_id, actor, via_link, link_id,
        message FROM history_v3;
      DROP TABLE connect_link_states_v3; DROP TABLE connect_links_v3; DROP TABLE history_v3;`);
  },
  4: (db) => {
    for (const statement of CHOICE_TABLES) db.exec(schemaText(statement, 'sqlite'));
  },
  5: (db) => {
    const columns = db.prepare("SELECT name FROM pragma_table_info('oauth_tokens')").pluck().all();
    if (columns.includes('grant_id')) return;
    if (!columns.length) {
      // A file from before the tokens (a version 3 of then).
      for (const statement of TOKEN_TABLES) db.exec(schemaText(statement, 'sqlite'));
      return;
    }
    // Made again rather than altered: SQLite adds a NOT NULL column only with a default, and a
    // grant has none. Nothing refers to this table.
    db.exec('ALTER TABLE oauth_tokens RENAME TO oauth_tokens_v5');
    for (const statement of TOKEN_TABLES) db.exec(schemaText(statement, 'sqlite'));
    db.exec(`
      INSERT INTO oauth_tokens (connection_id, grant_id, access_token, refresh_token, access_expires_at, refresh_expires_at, updated_at)
        SELECT connection_id, connection_id, access_token, refresh_token, access_expires_at, refresh_expires_at, updated_at FROM oauth_tokens_v5;
      DROP TABLE oauth_tokens_v5;`);
  },
  6: (db) => {
    for (const statement of INSTANCE_TABLES) db.exec(schemaText(statement, 'sqlite'));
  },
};

function migrate(db: Db, from: number): void {
  // Version 2's step makes the whole current schema, but for a token table it found: the steps
  // to 5 only add tables (IF NOT EXISTS), whichever path led to them; step 5 gives the token
  // rows of any older file their grants (and leaves a table that has them as it is).
  for (let version = from; version < SCHEMA_VERSION; version++) {
    MIGRATIONS[version]!(db);
    if (version === 2) version = 4;
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

function createSchema(db: Db): void {
  for (const statement of SCHEMA) db.exec(schemaText(statement, 'sqlite'));
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

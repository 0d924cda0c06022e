import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HISTORY_SCHEMA } from './history.js';
import { LINKS_SCHEMA } from './links.js';
import { seed } from './seed.js';

export type Db = Database.Database;

/** Bumped when the tables change; an older file is refused with a hint rather than misread. */
const SCHEMA_VERSION = 3;

const TABLES = ['history', 'connect_link_states', 'connect_links', 'authorizations', 'connections', 'data_sources'];

const SCHEMA = `
  CREATE TABLE data_sources (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    logo_url  TEXT,
    position  INTEGER NOT NULL
  );

  CREATE TABLE connections (
    id             TEXT PRIMARY KEY,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL,
    account_name   TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('active', 'error')),
    error_code     TEXT,
    error_message  TEXT,
    is_main        INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT,
    -- When credentials were last granted: "the newest credentials become main" reads this.
    authorized_at  TEXT NOT NULL,
    -- When the credentials stop working unless re-connected; NULL: they do not expire.
    expires_at     TEXT,
    -- One row per platform account: authorizing it again updates the row in place.
    UNIQUE (source_id, account_id)
  );
  -- The database itself guards "at most one main per source".
  CREATE UNIQUE INDEX connections_one_main ON connections (source_id) WHERE is_main = 1;

  CREATE TABLE authorizations (
    state                 TEXT PRIMARY KEY,
    source_id             TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    connection_id         TEXT,
    origin                TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    result_connection_id  TEXT,
    error_code            TEXT,
    error_message         TEXT,
    created_at            INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    used_at               INTEGER
  );
${LINKS_SCHEMA}
${HISTORY_SCHEMA}
`;

/**
 * Opens (and on first use creates and seeds) the demo database; `reset` starts it over whatever
 * it held, an older schema included.
 */
export function openDatabase(path: string, now: number, options: { reset?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets `npm run db:reset` write while a server reads the same file.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (options.reset) {
      resetDatabase(db, now);
    } else if (version === 0) {
      db.transaction(() => createSchema(db))();
    } else if (version < SCHEMA_VERSION && MIGRATIONS[version]) {
      db.transaction(() => migrate(db, version))();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`${path} has schema version ${version}, this server needs ${SCHEMA_VERSION}: run "npm run db:reset".`);
    }
    const { count } = db.prepare('SELECT count(*) AS count FROM data_sources').get() as { count: number };
    if (count === 0) db.transaction(() => seed(db, now))();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Steps from each older version to the next, so that a demo database keeps its connections
 * (and whatever a developer did to them) across an upgrade instead of asking for a reset.
 */
const MIGRATIONS: Record<number, string> = {
  1: 'ALTER TABLE connections ADD COLUMN expires_at TEXT',
  2: LINKS_SCHEMA + HISTORY_SCHEMA,
};

function migrate(db: Db, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

function createSchema(db: Db): void {
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Drops everything and seeds again, in one transaction: readers never see it half done. */
export function resetDatabase(db: Db, now: number): void {
  db.transaction(() => {
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    createSchema(db);
    seed(db, now);
  })();
}

/**
 * The tables, written once for both engines (types and constraints both accept). A new table
 * (tokens, links, history…) is one more entry in `SCHEMA` (and in `TABLES` when a reset must empty it), and a bump of
 * `SCHEMA_VERSION`; SQLite files of older versions are migrated in `../db.ts`.
 */

export const SCHEMA_VERSION = 3;

/**
 * What a reset drops and seeds again, child tables first. Users and their sign-ins stay: the
 * demo page that asked for the reset is still signed in after it.
 */
export const TABLES = ['oauth_pkce', 'oauth_tokens', 'authorizations', 'connections', 'data_sources'];

export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS users (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL
  )`,
  // Only a hash of each token is stored: a copy of the database signs no one in.
  `CREATE TABLE IF NOT EXISTS sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS data_sources (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    logo_url  TEXT,
    position  INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS connections (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL,
    account_name   TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('active', 'error')),
    error_code     TEXT,
    error_message  TEXT,
    is_main        INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT,
    authorized_at  TEXT NOT NULL,
    expires_at     TEXT,
    UNIQUE (user_id, source_id, account_id)
  )`,
  // The database itself guards "at most one main per source" (of each user).
  'CREATE UNIQUE INDEX IF NOT EXISTS connections_one_main ON connections (user_id, source_id) WHERE is_main = 1',
  // A source's connections in the order they are served (main, then newest credentials): read without a sort.
  'CREATE INDEX IF NOT EXISTS connections_listing ON connections (user_id, source_id, is_main DESC, authorized_at DESC, created_at DESC, id DESC)',
  `CREATE TABLE IF NOT EXISTS authorizations (
    state                 TEXT PRIMARY KEY,
    user_id               TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_id             TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    connection_id         TEXT,
    origin                TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    result_connection_id  TEXT,
    error_code            TEXT,
    error_message         TEXT,
    created_at            BIGINT NOT NULL,
    expires_at            BIGINT NOT NULL,
    used_at               BIGINT
  )`,
  'CREATE INDEX IF NOT EXISTS authorizations_expiry ON authorizations (expires_at)',
  // The tokens behind each connection, sealed (oauth/token-cipher.ts); they go with it.
  `CREATE TABLE IF NOT EXISTS oauth_tokens (
    connection_id       TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
    access_token        TEXT NOT NULL,
    refresh_token       TEXT,
    access_expires_at   BIGINT NOT NULL,
    refresh_expires_at  BIGINT,
    updated_at          BIGINT NOT NULL
  )`,
  // The PKCE verifier of each pending authorization, taken (deleted) by its callback.
  `CREATE TABLE IF NOT EXISTS oauth_pkce (
    state          TEXT PRIMARY KEY,
    code_verifier  TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    created_at     BIGINT NOT NULL
  )`,
];

/**
 * The tables, written once for both engines (types and constraints both accept). A new table
 * (tokens, links, history…) is one more entry in `SCHEMA` (and in `TABLES` when a reset must empty it), and a bump of
 * `SCHEMA_VERSION`; SQLite files of older versions are migrated in `../db.ts`.
 */

/**
 * Connect links (../links.ts) and the activity history (../history.ts): version 4. A link and
 * its history belong to the user who made the link; an account connected through it, to that
 * user too. Only the SHA-256 of a link's token is kept (hex: the same text on both engines).
 */
const HISTORY_COLUMNS = `
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    at             TEXT NOT NULL,
    connection_id  TEXT,
    account_name   TEXT,
    account_id     TEXT,
    actor          TEXT,
    via_link       INTEGER NOT NULL DEFAULT 0 CHECK (via_link IN (0, 1)),
    link_id        TEXT,
    message        TEXT
  `;

export const LINK_TABLES: readonly SchemaStatement[] = [
  `CREATE TABLE IF NOT EXISTS connect_links (
    id             TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_id      TEXT NOT NULL REFERENCES data_sources(id) ON DELETE CASCADE,
    token_sha256   TEXT NOT NULL,
    recipient      TEXT,
    note           TEXT,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'used', 'revoked')),
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    ended_at       BIGINT,
    connection_id  TEXT
  )`,
  'CREATE INDEX IF NOT EXISTS connect_links_by_source ON connect_links (user_id, source_id, status)',
  // Which authorization states a link's page started: the callback knows the link from the state.
  `CREATE TABLE IF NOT EXISTS connect_link_states (
    state    TEXT PRIMARY KEY,
    link_id  TEXT NOT NULL REFERENCES connect_links(id) ON DELETE CASCADE
  )`,
  {
    sqlite: `CREATE TABLE IF NOT EXISTS history (seq INTEGER PRIMARY KEY AUTOINCREMENT,${HISTORY_COLUMNS})`,
    postgres: `CREATE TABLE IF NOT EXISTS history (seq BIGSERIAL PRIMARY KEY,${HISTORY_COLUMNS})`,
  },
  'CREATE INDEX IF NOT EXISTS history_by_source ON history (user_id, source_id, seq)',
  'CREATE INDEX IF NOT EXISTS history_by_connection ON history (user_id, source_id, connection_id, seq)',
  // A link's own events (the list orders links made in one millisecond by them): few rows have one.
  'CREATE INDEX IF NOT EXISTS history_by_link ON history (link_id) WHERE link_id IS NOT NULL',
];

/**
 * Account choices (../selection.ts): version 5. A sign-in that reaches several accounts waits
 * here, keyed by its state, until the user chooses, with the grant's tokens sealed as
 * `oauth_tokens`' are (the state and token kind as authenticated data), so that whichever
 * instance gets the poll or the choice finds it. A row of no tokens is an expired choice whose
 * grant a sweep already revoked; the sweep deletes it a day later, with its state.
 */
export const CHOICE_TABLES: readonly SchemaStatement[] = [
  `CREATE TABLE IF NOT EXISTS account_choices (
    state               TEXT PRIMARY KEY,
    user_id             TEXT NOT NULL,
    source_id           TEXT NOT NULL,
    accounts            TEXT NOT NULL,
    expires_at          BIGINT NOT NULL,
    access_token        TEXT,
    refresh_token       TEXT,
    access_expires_at   BIGINT,
    refresh_expires_at  BIGINT
  )`,
  'CREATE INDEX IF NOT EXISTS account_choices_expiry ON account_choices (expires_at)',
];

/**
 * The tokens behind each connection, sealed (oauth/token-cipher.ts); they go with it. Each row
 * names its OAuth grant (`grant_id`, ours, not the platform's): the connections one sign-in made
 * (an account choice) hold one grant, each row a copy of its tokens sealed for that row, renewed
 * together (oauth/refresh-job.ts). Version 6 brought `grant_id`; the rows before it were each
 * their own grant, as they still are (their ID is the connection's).
 */
export const TOKEN_TABLES: readonly SchemaStatement[] = [
  `CREATE TABLE IF NOT EXISTS oauth_tokens (
    connection_id       TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
    grant_id            TEXT NOT NULL,
    access_token        TEXT NOT NULL,
    refresh_token       TEXT,
    access_expires_at   BIGINT NOT NULL,
    refresh_expires_at  BIGINT,
    updated_at          BIGINT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS oauth_tokens_by_grant ON oauth_tokens (grant_id)',
];

/**
 * What the instances behind a load balancer must agree on beyond the data: version 7. The
 * per-user rate limits (../access.ts), a token bucket per user and kind; and the renewals of
 * OAuth grants under way (../oauth/refresh-job.ts), each instance's job may pick the same grant
 * and a rotated refresh token is good once, so one holds a lease on it until `until`.
 */
export const INSTANCE_TABLES: readonly SchemaStatement[] = [
  `CREATE TABLE IF NOT EXISTS rate_buckets (
    user_id  TEXT NOT NULL,
    kind     TEXT NOT NULL,
    tokens   DOUBLE PRECISION NOT NULL,
    at       BIGINT NOT NULL,
    PRIMARY KEY (user_id, kind)
  )`,
  `CREATE TABLE IF NOT EXISTS grant_renewals (
    grant_id  TEXT PRIMARY KEY,
    until     BIGINT NOT NULL
  )`,
];

export const SCHEMA_VERSION = 7;

/**
 * What a reset drops and seeds again, child tables first. Users and their sign-ins stay: the
 * demo page that asked for the reset is still signed in after it.
 */
export const TABLES = ['account_choices', 'history', 'connect_link_states', 'connect_links', 'oauth_pkce', 'oauth_tokens', 'authorizations', 'connections', 'data_sources'];

/** A statement the same on both engines, or one per engine (an auto-numbered key has no common spelling). */
export type SchemaStatement = string | { sqlite: string; postgres: string };

export const schemaText = (statement: SchemaStatement, dialect: 'sqlite' | 'postgres'): string =>
  typeof statement === 'string' ? statement : statement[dialect];

export const SCHEMA: readonly SchemaStatement[] = [
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
  ...TOKEN_TABLES,
  // The PKCE verifier of each pending authorization, taken (deleted) by its callback.
  `CREATE TABLE IF NOT EXISTS oauth_pkce (
    state          TEXT PRIMARY KEY,
    code_verifier  TEXT NOT NULL,
    redirect_uri   TEXT NOT NULL,
    created_at     BIGINT NOT NULL
  )`,
  ...LINK_TABLES,
  ...CHOICE_TABLES,
  ...INSTANCE_TABLES,
];

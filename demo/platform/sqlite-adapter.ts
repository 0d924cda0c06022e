import type Database from 'better-sqlite3';

/**
 * oidc-provider's storage (grants, tokens, sessions, interactions, registered clients) in one
 * SQLite table, so the demo's platform keeps its grants across `npm start` restarts; the tests
 * give it `:memory:`. Payloads are the provider's own JSON; only the look-ups it needs are indexed.
 */

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS oidc (
    model       TEXT NOT NULL,
    id          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    grant_id    TEXT,
    uid         TEXT,
    user_code   TEXT,
    expires_at  INTEGER,
    PRIMARY KEY (model, id)
  );
  CREATE INDEX IF NOT EXISTS oidc_grant ON oidc (grant_id) WHERE grant_id IS NOT NULL;
  CREATE INDEX IF NOT EXISTS oidc_uid ON oidc (uid) WHERE uid IS NOT NULL;
`;

export function createAdapterTable(db: Database.Database): void {
  db.exec(SCHEMA);
}

export class SqliteAdapter {
  constructor(
    private readonly db: Database.Database,
    private readonly model: string,
  ) {}

  private live(row: { payload: string; expires_at: number | null } | undefined): Payload | undefined {
    if (!row || (row.expires_at !== null && row.expires_at <= Date.now())) return undefined;
    return JSON.parse(row.payload) as Payload;
  }

  async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
    const expires = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null;
    this.db
      .prepare(`INSERT INTO oidc (model, id, payload, grant_id, uid, user_code, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
          user_code = excluded.user_code, expires_at = excluded.expires_at`)
      .run(this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null, expires);
  }

  async find(id: string): Promise<Payload | undefined> {
    return this.live(this.db.prepare('SELECT payload, expires_at FROM oidc WHERE model = ? AND id = ?').get(this.model, id) as never);
  }

  async findByUid(uid: string): Promise<Payload | undefined> {
    return this.live(this.db.prepare('SELECT payload, expires_at FROM oidc WHERE model = ? AND uid = ?').get(this.model, uid) as never);
  }

  async findByUserCode(userCode: string): Promise<Payload | undefined> {
    return this.live(this.db.prepare('SELECT payload, expires_at FROM oidc WHERE model = ? AND user_code = ?').get(this.model, userCode) as never);
  }

  async consume(id: string): Promise<void> {
    const payload = await this.find(id);
    if (!payload) return;
    payload.consumed = Math.floor(Date.now() / 1000);
    this.db.prepare('UPDATE oidc SET payload = ? WHERE model = ? AND id = ?').run(JSON.stringify(payload), this.model, id);
  }

  async destroy(id: string): Promise<void> {
    this.db.prepare('DELETE FROM oidc WHERE model = ? AND id = ?').run(this.model, id);
  }

  /** Every token of a grant, whatever its model: what a revocation takes away. */
  async revokeByGrantId(grantId: string): Promise<void> {
    this.db.prepare('DELETE FROM oidc WHERE grant_id = ?').run(grantId);
    this.db.prepare(`DELETE FROM oidc WHERE model = 'Grant' AND id = ?`).run(grantId);
  }
}

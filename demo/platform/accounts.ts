import type Database from 'better-sqlite3';
import { SOURCES, type SampleAccount } from '../server/catalog.js';

/**
 * The platform's own directory: who can sign in, per data source. A subject (`sub`) is
 * `<sourceId>:<accountId>`, because one authorization server plays every platform of the demo.
 * The catalog's sample accounts are there from the start; the seed's accounts arrive when the demo
 * backend mints their grants; an account typed on the sign-in page ("Another account") is created
 * on the spot, as signing up would.
 */

export interface PlatformAccount extends SampleAccount {
  sourceId: string;
}

export function subjectOf(sourceId: string, accountId: string): string {
  return `${sourceId}:${accountId}`;
}

export class AccountDirectory {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS accounts (
      sub TEXT PRIMARY KEY, source_id TEXT NOT NULL, account_id TEXT NOT NULL, account_name TEXT NOT NULL)`);
    for (const source of SOURCES) {
      for (const sample of [...source.samples, ...managers(source.id)]) this.add({ sourceId: source.id, ...sample });
    }
  }

  /** Adds the account, or renames it (a platform account's name can change). */
  add(account: PlatformAccount): string {
    const sub = subjectOf(account.sourceId, account.accountId);
    this.db
      .prepare(`INSERT INTO accounts (sub, source_id, account_id, account_name) VALUES (?, ?, ?, ?)
        ON CONFLICT (sub) DO UPDATE SET account_name = excluded.account_name`)
      .run(sub, account.sourceId, account.accountId, account.accountName);
    return sub;
  }

  get(sub: string): PlatformAccount | undefined {
    const row = this.db.prepare('SELECT source_id, account_id, account_name FROM accounts WHERE sub = ?').get(sub) as
      | { source_id: string; account_id: string; account_name: string }
      | undefined;
    return row && { sourceId: row.source_id, accountId: row.account_id, accountName: row.account_name };
  }

  /** What the sign-in page offers for a source: its sample accounts. */
  samples(sourceId: string): PlatformAccount[] {
    return (SOURCES.find((s) => s.id === sourceId)?.samples ?? []).map((sample) => ({ sourceId, ...sample }));
  }
}

/**
 * Logins that manage client accounts (an agency's): `mgr-<count>-…` reaches `count` clients. The
 * sign-in page offers them, and the demo backend then asks the user which clients to connect.
 */
export function managers(sourceId: string): (SampleAccount & { note: string })[] {
  return [
    { accountId: `mgr-4-${sourceId}-mcc`, accountName: 'Agency manager account', note: 'Reaches 4 client accounts' },
    { accountId: `mgr-500-${sourceId}-network`, accountName: 'Agency network manager', note: 'Reaches 500 client accounts' },
  ];
}

/**
 * The ad accounts a grant made by `sub` reaches: what `GET /api/accounts` answers for its token.
 * A sign-in reaches the one account signed in to, a manager's (above) its clients.
 */
export function accountsReached(directory: AccountDirectory, sub: string): SampleAccount[] {
  const account = directory.get(sub);
  if (!account) return [];
  const manager = /^mgr-(\d+)-/.exec(account.accountId);
  if (!manager) return [{ accountId: account.accountId, accountName: account.accountName }];
  return Array.from({ length: Number(manager[1]) }, (_, i) => ({
    accountId: `${account.accountId.slice(manager[0].length)}-${String(i + 1).padStart(3, '0')}`,
    accountName: `${account.accountName} · client ${i + 1}`,
  }));
}

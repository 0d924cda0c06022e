import type { SelectableAccount } from '../../src/api/types.js';
import { KEEP_MS } from './authorizations.js';
import type { TokenSet } from './oauth/client.js';
import type { TokenStore } from './oauth/token-store.js';
import type { Sql } from './storage/sql.js';

/**
 * The open account choices (../selection.ts) in the database, table `account_choices`: any
 * instance on it finds a choice whichever one ran the callback. The grant's tokens are sealed
 * (TokenStore.sealPending); they are opened only once a choice is taken, by the one request
 * that took it. Taking is one `DELETE … RETURNING`: of two racing requests, on one instance or
 * two, one gets the row and the other nothing.
 */


export interface PendingGrant {
  tokens: TokenSet;
  refreshExpiresAt: number | undefined;
}

export interface Choice {
  state: string;
  /** The user who started the authorization: only they may make or drop the choice. */
  userId: string;
  sourceId: string;
  accounts: SelectableAccount[];
  expiresAt: number;
}

/** A taken choice. */
export interface TakenChoice extends Choice {
  /**
   * Opens its grant: undefined when it had none (or a sweep revoked it); throws when the grant
   * does not open (altered, or sealed with a key since dropped).
   */
  grant(): PendingGrant | undefined;
}

interface ChoiceRow {
  state: string;
  user_id: string;
  source_id: string;
  accounts: string;
  expires_at: number;
  access_token: string | null;
  refresh_token: string | null;
  access_expires_at: number | null;
  refresh_expires_at: number | null;
}

export class ChoiceStore {
  constructor(
    private readonly sql: Sql,
    private readonly tokens: TokenStore | undefined,
    private readonly now: () => number,
  ) {}

  async save(choice: Choice, grant: PendingGrant | undefined): Promise<void> {
    if (grant && !this.tokens) throw new Error('A grant needs the token store to be sealed.');
    const sealed = grant && this.tokens!.sealPending(choice.state, grant.tokens);
    await this.sql.run(
      `INSERT INTO account_choices (state, user_id, source_id, accounts, expires_at, access_token, refresh_token, access_expires_at, refresh_expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        choice.state,
        choice.userId,
        choice.sourceId,
        JSON.stringify(choice.accounts),
        choice.expiresAt,
        sealed?.accessToken ?? null,
        sealed?.refreshToken ?? null,
        grant?.tokens.accessExpiresAt ?? null,
        grant?.refreshExpiresAt ?? null,
      ],
    );
  }

  /** The choice of `state`, without its grant (what a poll shows). */
  async find(state: string): Promise<Choice | undefined> {
    const row = await this.sql.get<ChoiceRow>('SELECT state, user_id, source_id, accounts, expires_at FROM account_choices WHERE state = ?', [state]);
    return row && choiceOf(row);
  }

  /** Deletes the choice of `state` and returns it with its grant: to one caller only. */
  async take(state: string): Promise<TakenChoice | undefined> {
    const row = await this.sql.get<ChoiceRow>('DELETE FROM account_choices WHERE state = ? RETURNING *', [state]);
    return row && this.taken(row);
  }

  /**
   * The grants of choices expired by now, each taken from its row (to one caller only, as
   * `take`): the caller revokes them. The rows stay, grant-less, for a day, so that a choice
   * made late is still told it expired; then they go.
   */
  async sweep(): Promise<TakenChoice[]> {
    const now = this.now();
    // Kept as long as their states: a late choice is told why.
    await this.sql.run('DELETE FROM account_choices WHERE expires_at < ?', [now - KEEP_MS]);
    const rows = await this.sql.all<ChoiceRow>('SELECT * FROM account_choices WHERE expires_at <= ? AND access_token IS NOT NULL', [now]);
    const taken: TakenChoice[] = [];
    for (const row of rows) {
      // Conditional on the sealed value still there: another instance sweeping at once takes none twice.
      const changed = await this.sql.run('UPDATE account_choices SET access_token = NULL, refresh_token = NULL WHERE state = ? AND access_token = ?', [
        row.state,
        row.access_token,
      ]);
      if (changed === 1) taken.push(this.taken(row));
    }
    return taken;
  }

  private taken(row: ChoiceRow): TakenChoice {
    const { tokens } = this;
    return {
      ...choiceOf(row),
      grant() {
        if (row.access_token === null || !tokens) return undefined;
        const opened = tokens.openPending(row.state, row.access_token, row.refresh_token);
        return { tokens: { ...opened, accessExpiresAt: row.access_expires_at ?? 0 }, refreshExpiresAt: row.refresh_expires_at ?? undefined };
      },
    };
  }
}

function choiceOf(row: ChoiceRow): Choice {
  return {
    state: row.state,
    userId: row.user_id,
    sourceId: row.source_id,
    accounts: JSON.parse(row.accounts) as SelectableAccount[],
    expiresAt: row.expires_at,
  };
}

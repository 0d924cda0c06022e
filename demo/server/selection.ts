import type { AuthorizationOutcome, Connection, ConnectionList, SelectableAccount } from '../../src/api/types.js';
import type { App } from './app.js';
import type { TokenSet } from './oauth/client.js';
import { toOutcome, type AuthorizationRow } from './authorizations.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import type { Route } from './router.js';
import type { Sql } from './storage/sql.js';
import { readEmptyBody, readJsonObject, stateParam } from './validation.js';

/**
 * Account selection: a sign-in whose credentials reach several accounts (a manager account and
 * its clients) connects nothing at once. The callback keeps the choice here, with the grant's
 * tokens, keyed by the authorization's state, until the widget confirms it
 * (`POST /api/authorizations/{state}/selection`: each chosen account gets a connection holding
 * the tokens) or drops it (`DELETE`: the tokens are revoked): single-use, expiring with the
 * state. Kept in memory, tokens included, never on disk unsealed: a restart drops open choices,
 * which then end as expired. Behind a load balancer the choice lives on the instance that ran
 * the callback: such hosts route `/api/authorizations/{state}/…` by state (or keep it sealed in
 * the database instead).
 */
export interface PendingGrant {
  tokens: TokenSet;
  refreshExpiresAt: number | undefined;
  /** Revokes the tokens at the platform (a choice dropped or expired). */
  discard(): void;
}

interface Choice {
  /** The user who started the authorization: only they may make or drop the choice. */
  userId: string;
  sourceId: string;
  accounts: SelectableAccount[];
  expiresAt: number;
  grant?: PendingGrant;
}

const choices = new WeakMap<App, Map<string, Choice>>();
const of = (app: App) => {
  let map = choices.get(app);
  if (!map) choices.set(app, (map = new Map()));
  return map;
};

/** Keeps the choice for `row`'s state; connected accounts carry their connection ID. */
export async function offerSelection(app: App, row: AuthorizationRow, reached: { accountId: string; accountName: string }[], grant?: PendingGrant): Promise<void> {
  const connected = new Map((await app.connections.listConnections(row.user_id, row.source_id)).map((c) => [c.accountId, c.id]));
  const accounts = reached.map(({ accountId, accountName }): SelectableAccount => {
    const connectionId = connected.get(accountId);
    return connectionId ? { accountId, accountName, connectionId } : { accountId, accountName };
  });
  of(app).set(row.state, { userId: row.user_id, sourceId: row.source_id, accounts, expiresAt: row.expires_at, ...(grant && { grant }) });
}

/** `toOutcome`, with an open choice shown as `awaiting_selection`. */
export function outcomeOf(app: App, row: AuthorizationRow): AuthorizationOutcome {
  const choice = of(app).get(row.state);
  if (choice && row.status === 'pending' && app.now() < choice.expiresAt) {
    return { state: row.state, status: 'awaiting_selection', accounts: choice.accounts };
  }
  return toOutcome(row);
}

const closed = () => new HttpError(409, 'selection_closed', 'This choice was already made or cancelled.');
const expired = () => new HttpError(410, 'selection_expired', 'The choice was not made in time. Please sign in again.');

/** The open choice of `state` (of this user's), or the error that says why there is none. */
async function openChoice(app: App, state: string, userId: string): Promise<Choice> {
  const row = await app.authorizations.get(state);
  // Someone else's state is, to this user, no state at all.
  if (!row || row.user_id !== userId) throw new HttpError(404, 'authorization_not_found', 'There is no authorization with this state (unknown, or finished over a day ago).');
  const choice = of(app).get(state);
  if (!choice) throw closed();
  if (app.now() >= choice.expiresAt || row.status === 'failed') {
    of(app).delete(state);
    choice.grant?.discard();
    throw expired();
  }
  return choice;
}

export function selectionRoutes(app: App): Route[] {
  const pattern = '/api/authorizations/:state/selection';
  return [
    {
      method: 'POST',
      pattern,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        // The body first: a malformed one is refused whatever the state.
        const body = await readJsonObject(req, ['accountIds', 'mainAccountId']);
        const ids = body.accountIds;
        if (!Array.isArray(ids) || !ids.length || ids.some((id) => typeof id !== 'string')) {
          throw new HttpError(400, 'invalid_body', 'The field "accountIds" must list one or more account IDs.');
        }
        if (body.mainAccountId !== undefined && typeof body.mainAccountId !== 'string') {
          throw new HttpError(400, 'invalid_body', 'The field "mainAccountId" must be an account ID.');
        }
        const choice = await openChoice(app, stateParam(params.state!), userId);
        const state = params.state!;
        const offered = new Map(choice.accounts.map((a) => [a.accountId, a]));
        const chosen = [...new Set(ids as string[])];
        if (chosen.some((id) => !offered.has(id))) {
          throw new HttpError(400, 'invalid_selection', 'Choose one or more of the offered accounts ("accountIds").');
        }
        const main = body.mainAccountId ?? chosen[0];
        if (typeof main !== 'string' || !chosen.includes(main)) {
          throw new HttpError(400, 'invalid_selection', 'The main account ("mainAccountId") must be one of the chosen ones.');
        }
        const { grant } = choice;
        const expiresAt = grant?.refreshExpiresAt === undefined ? undefined : new Date(grant.refreshExpiresAt).toISOString();
        // Taken at once: a second confirmation racing this one finds no choice.
        of(app).delete(state);
        // Each account is connected with its tokens in one transaction (one grant reaches them
        // all); the main and the outcome follow. Not one transaction for the whole choice: the
        // storage's transactions are per user and source, as every write's.
        const idOf = new Map<string, string>();
        const by = { actor: await app.actorName(userId) };
        for (const id of chosen) {
          const within = grant && app.oauth ? (tx: Sql, connectionId: string) => app.oauth!.tokens.save(connectionId, grant.tokens, grant.refreshExpiresAt, tx) : undefined;
          idOf.set(id, await app.connections.authorize(userId, choice.sourceId, id, offered.get(id)!.accountName, expiresAt, within, by));
        }
        const mainId = idOf.get(main)!;
        await app.connections.makeMain(userId, choice.sourceId, mainId, by);
        await app.authorizations.complete(state, mainId);
        const rows = await app.connections.listConnections(userId, choice.sourceId);
        const items: Connection[] = chosen.map((id) => rows.find((c) => c.id === idOf.get(id))!);
        sendJson(res, 200, { items } satisfies ConnectionList);
      },
    },
    {
      method: 'DELETE',
      pattern,
      kind: 'json',
      async handle({ req, res, params, userId }) {
        const state = stateParam(params.state!);
        await readEmptyBody(req);
        const choice = await openChoice(app, state, userId);
        of(app).delete(state);
        choice.grant?.discard();
        await app.authorizations.fail(state, { code: 'selection_cancelled', message: 'No account was chosen: nothing was connected.' });
        sendNoContent(res);
      },
    },
  ];
}

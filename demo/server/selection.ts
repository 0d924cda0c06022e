import type { AuthorizationOutcome, Connection, ConnectionList, SelectableAccount } from '../../src/api/types.js';
import type { App } from './app.js';
import type { Actor } from './connections.js';
import { toOutcome, type AuthorizationRow } from './authorizations.js';
import { HttpError, sendJson, sendNoContent } from './http.js';
import { newGrantId, type StoredTokens } from './oauth/token-store.js';
import type { Route } from './router.js';
import type { Sql } from './storage/sql.js';
import { ChoiceStore, type Choice, type PendingGrant, type TakenChoice } from './selection-store.js';
import { readEmptyBody, readJsonObject, stateParam } from './validation.js';

/**
 * Account selection: a sign-in whose credentials reach several accounts (a manager account and
 * its clients) connects nothing at once. The callback keeps the choice, with the grant's tokens,
 * keyed by the authorization's state, until the widget confirms it
 * (`POST /api/authorizations/{state}/selection`: each chosen account gets a connection, all of them
 * holding the one grant) or drops it (`DELETE`: the tokens are revoked): single-use, expiring with the
 * state. Kept in the database (selection-store.ts), the tokens sealed as connections' are: behind
 * a load balancer, the poll and the choice may reach another instance than the callback did, and
 * a restart keeps open choices. Confirm and drop take the choice in one statement, so two
 * instances racing on one choice connect (or revoke) once. An expired choice's tokens are
 * revoked when it is next touched, or by the sweep each new choice runs.
 */

const choices = (app: App) => new ChoiceStore(app.sql, app.oauth?.tokens, app.now);

/**
 * Revokes a taken choice's grant at the platform (dropped or expired). A grant that does not
 * open, or a platform out of reach, leaves nothing more to do: this never throws.
 */
export async function revokeTaken(app: App, choice: TakenChoice): Promise<void> {
  const client = app.oauth?.client(choice.sourceId);
  let grant;
  try {
    grant = choice.grant();
  } catch {
    return;
  }
  if (!grant || !client) return;
  const { accessToken, refreshToken } = grant.tokens;
  await client.revoke(refreshToken ?? accessToken, refreshToken ? 'refresh_token' : 'access_token').catch(() => {});
}

/** Keeps the choice for `row`'s state; connected accounts carry their connection ID. */
export async function offerSelection(app: App, row: AuthorizationRow, reached: { accountId: string; accountName: string }[], grant?: PendingGrant): Promise<void> {
  const connected = new Map((await app.connections.listConnections(row.user_id, row.source_id)).map((c) => [c.accountId, c.id]));
  const accounts = reached.map(({ accountId, accountName }): SelectableAccount => {
    const connectionId = connected.get(accountId);
    return connectionId ? { accountId, accountName, connectionId } : { accountId, accountName };
  });
  // Choices left to expire (the dialog closed, the page gone) are taken from their rows first
  // (the refresh job's rounds sweep them too); this sign-in's page is not held for it.
  void sweepChoices(app);
  await choices(app).save({ state: row.state, userId: row.user_id, sourceId: row.source_id, accounts, expiresAt: row.expires_at }, grant);
}

/** Takes the choices left to expire from their rows and revokes their grants; never throws. */
export async function sweepChoices(app: App): Promise<void> {
  const expired = await choices(app)
    .sweep()
    .catch(() => []);
  await Promise.all(expired.map((choice) => revokeTaken(app, choice)));
}

/** `toOutcome`, with an open choice shown as `awaiting_selection`. */
export async function outcomeOf(app: App, row: AuthorizationRow): Promise<AuthorizationOutcome> {
  const choice = row.status === 'pending' ? await choices(app).find(row.state) : undefined;
  if (choice && app.now() < choice.expiresAt) {
    return { state: row.state, status: 'awaiting_selection', accounts: choice.accounts };
  }
  return toOutcome(row);
}

const closed = () => new HttpError(409, 'selection_closed', 'This choice was already made or cancelled.');
const expired = () => new HttpError(410, 'selection_expired', 'The choice was not made in time. Please sign in again.');

/** The open choice of `state` (of this user's), or the error that says why there is none. */
export async function openChoice(app: App, state: string, userId: string): Promise<Choice> {
  const row = await app.authorizations.get(state);
  // Someone else's state is, to this user, no state at all.
  if (!row || row.user_id !== userId) throw new HttpError(404, 'authorization_not_found', 'There is no authorization with this state (unknown, or finished over a day ago).');
  const choice = await choices(app).find(state);
  if (!choice) throw closed();
  if (app.now() >= choice.expiresAt || row.status === 'failed') await expire(app, state);
  return choice;
}

/** Takes the choice of `state` (to this request only), or the error that says why it cannot be. */
export async function takeChoice(app: App, state: string): Promise<TakenChoice> {
  const taken = await choices(app).take(state);
  // Another request (on this instance or another) took it since it was read.
  if (!taken) throw closed();
  if (app.now() >= taken.expiresAt) {
    await revokeTaken(app, taken);
    throw expired();
  }
  return taken;
}

/** An expired choice, touched: taken, its grant revoked; always throws. */
async function expire(app: App, state: string): Promise<never> {
  const taken = await choices(app).take(state);
  if (taken) await revokeTaken(app, taken);
  throw expired();
}

/** The chosen ones of `ids` (each once) and the main one (default: the first), or the 400 that says what is wrong. */
export function checkChosen(offered: ReadonlyMap<string, SelectableAccount>, ids: readonly string[], main: string | undefined): { chosen: string[]; main: string } {
  const chosen = [...new Set(ids)];
  if (!chosen.length || chosen.some((id) => !offered.has(id))) throw new HttpError(400, 'invalid_selection', 'Choose one or more of the offered accounts.');
  const picked = main ?? chosen[0]!;
  if (!chosen.includes(picked)) throw new HttpError(400, 'invalid_selection', 'The main account must be one of the chosen ones.');
  return { chosen, main: picked };
}

/**
 * Connects the `chosen` accounts of a taken choice, `main` made main, for `by`. Each account is
 * connected with its tokens in one transaction; one grant reaches them all, and they hold it as
 * one (renewed once for all). `within` joins each of those transactions (a connect link is used
 * up there). The main and the outcome follow. Not one transaction for the whole choice: the
 * storage's transactions are per user and source, as every write's. Gives each account's
 * connection ID.
 */
export async function confirmChoice(
  app: App,
  choice: TakenChoice,
  chosen: readonly string[],
  main: string,
  by: Actor,
  within?: (tx: Sql, connectionId: string, account: SelectableAccount) => Promise<void>,
): Promise<Map<string, string>> {
  const offered = new Map(choice.accounts.map((a) => [a.accountId, a]));
  const grant = choice.grant();
  const expiresAt = grant?.refreshExpiresAt === undefined ? undefined : new Date(grant.refreshExpiresAt).toISOString();
  const idOf = new Map<string, string>();
  const grantId = newGrantId();
  // The grants re-connected accounts held before: retired once no connection holds them.
  const replaced = new Map<string, StoredTokens>();
  for (const id of chosen) {
    const account = offered.get(id)!;
    const save = async (tx: Sql, connectionId: string) => {
      if (grant && app.oauth) {
        const previous = await app.oauth.tokens.save(connectionId, grantId, grant.tokens, grant.refreshExpiresAt, tx);
        if (previous) replaced.set(previous.grantId, previous);
      }
      await within?.(tx, connectionId, account);
    };
    idOf.set(id, await app.connections.authorize(choice.userId, choice.sourceId, id, account.accountName, expiresAt, save, by));
  }
  const mainId = idOf.get(main)!;
  await app.connections.makeMain(choice.userId, choice.sourceId, mainId, by);
  await app.authorizations.complete(choice.state, mainId);
  for (const previous of replaced.values()) await app.oauth?.retire(choice.sourceId, previous);
  return idOf;
}

/** Drops the open choice of `state`: its grant revoked (before this returns), the sign-in failed as cancelled. */
export async function cancelChoice(app: App, state: string): Promise<void> {
  await revokeTaken(app, await takeChoice(app, state));
  await app.authorizations.fail(state, { code: 'selection_cancelled', message: 'No account was chosen: nothing was connected.' });
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
        const state = stateParam(params.state!);
        const offered = new Map((await openChoice(app, state, userId)).accounts.map((a) => [a.accountId, a]));
        const { chosen, main } = checkChosen(offered, ids as string[], body.mainAccountId);
        // Taken here, once checked: a second confirmation racing this one, on any instance, finds no choice.
        const choice = await takeChoice(app, state);
        const idOf = await confirmChoice(app, choice, chosen, main, { actor: await app.actorName(userId) });
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
        await openChoice(app, state, userId);
        // Revoked before the answer: once it is sent, the grant works no more.
        await cancelChoice(app, state);
        sendNoContent(res);
      },
    },
  ];
}

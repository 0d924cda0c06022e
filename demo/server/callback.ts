import type { ApiErrorDetail, AuthorizationMessage } from '../../src/api/types.js';
import type { App } from './app.js';
import { EXPIRED, type AuthorizationRow } from './authorizations.js';
import { offerSelection, outcomeOf } from './selection.js';
import { sourceInfo } from './catalog.js';
import { sendHtml } from './http.js';
import { linkChoicePage } from './link-choice.js';
import { linkOutcomePage } from './link-page.js';
import { LinkRefused, refusalError } from './links.js';
import { escapeHtml, newNonce, noticePage, pageHeaders, renderPage, scriptJson } from './pages.js';
import type { Route } from './router.js';
import type { ReachedAccount, TokenSet } from './oauth/client.js';
import { OAuthError } from './oauth/client.js';
import { newGrantId, type StoredTokens } from './oauth/token-store.js';
import { checkAccount, isErrorCode, isState, singleQuery } from './validation.js';

/**
 * Posts the outcome to the opener, restricted to the origin the state was issued for, and on a
 * BroadcastChannel (same-origin hosts still hear it when COOP has cut the opener). The short
 * delay before closing lets the channel deliver.
 */
function callbackScript(message: AuthorizationMessage, targetOrigin: string): string {
  return `
(() => {
  const message = ${scriptJson(message)};
  const targetOrigin = ${scriptJson(targetOrigin)};
  try { if (window.opener) window.opener.postMessage(message, targetOrigin); } catch (error) {}
  try {
    const channel = new BroadcastChannel('dsw-authorization');
    channel.postMessage(message);
    channel.close();
  } catch (error) {}
  document.getElementById('close').addEventListener('click', () => window.close());
  setTimeout(() => window.close(), 250);
})();
`;
}

async function outcomePage(app: App, nonce: string, row: AuthorizationRow): Promise<string> {
  const outcome = await outcomeOf(app, row);
  const message: AuthorizationMessage = { type: 'dsw-authorization', ...outcome };
  const source = sourceInfo(row.source_id)?.name ?? row.source_id;
  const done = outcome.status === 'completed' || outcome.status === 'awaiting_selection';
  const title = done ? `${source} account connected` : `${source} authorization failed`;
  const text = done ? 'You can return to the page you came from.' : outcome.error?.message ?? 'The authorization failed.';
  return renderPage({
    title,
    nonce,
    body: `<h1 class="status-${outcome.status}">${escapeHtml(title)}</h1>
<p role="status">${escapeHtml(text)}</p>
<p class="muted">This window closes by itself.</p>
<div class="actions"><button type="button" class="secondary" id="close">Close this window</button></div>`,
    script: callbackScript(message, row.origin),
  });
}

function accessDenied(sourceId: string, code: string): ApiErrorDetail {
  const source = sourceInfo(sourceId)?.name ?? sourceId;
  if (code === 'access_denied') return { code, message: `Access was denied on the ${source} page. Nothing was connected.` };
  return { code, message: `${source} reported an error (${code}). Nothing was connected.` };
}

function mismatch(expected: { accountId: string; accountName: string }, got: { accountId: string; accountName: string }): ApiErrorDetail {
  return {
    code: 'account_mismatch',
    message:
      `You signed in as "${got.accountName}" (ID ${got.accountId}), but the connection being re-connected is ` +
      `"${expected.accountName}" (ID ${expected.accountId}). Nothing was changed; you can add "${got.accountName}" as a new connection instead.`,
  };
}

function refused(sourceId: string, error: unknown): ApiErrorDetail {
  const source = sourceInfo(sourceId)?.name ?? sourceId;
  if (error instanceof OAuthError && error.error === 'platform_unreachable') {
    return { code: 'platform_unavailable', message: `${source} could not be reached to finish the sign-in. Nothing was connected; please try again.` };
  }
  const code = error instanceof OAuthError && isErrorCode(error.error) ? error.error : 'token_exchange_failed';
  return { code: 'token_exchange_failed', message: `${source} did not issue the credentials (${code}). Nothing was connected; please try again.` };
}


/**
 * Applies what the platform sent to a claimed state: checks the answer, exchanges the code
 * (with the state's PKCE verifier), asks the platform API which account the tokens reach, and
 * stores them sealed. The state ends completed or failed; tokens not kept are revoked.
 */
interface PlatformAnswer {
  code?: string;
  error?: string;
  iss?: string;
}

async function settle(app: App, row: AuthorizationRow, { code, error, iss }: PlatformAnswer): Promise<void> {
  const { connections, authorizations } = app;
  const fail = (detail: ApiErrorDetail) => authorizations.fail(row.state, detail);
  const pkce = await app.oauth?.tokens.takePkce(row.state);
  const client = app.oauth?.client(row.source_id);
  if (!pkce || !client) return fail({ code: 'invalid_callback', message: 'This authorization has no sign-in in progress on this server.' });
  // RFC 9207: an answer naming another issuer is a mix-up, whatever else it says.
  if (iss !== undefined && iss !== client.issuer) {
    return fail({ code: 'invalid_callback', message: 'The answer came from another authorization server than the one asked. Nothing was connected.' });
  }
  if (error !== undefined) return fail(accessDenied(row.source_id, isErrorCode(error) ? error : 'authorization_failed'));
  if (!code) return fail({ code: 'invalid_callback', message: "The platform's answer was incomplete: it carried no authorization code." });

  let tokens: TokenSet;
  try {
    tokens = await client.exchangeCode(code, pkce.codeVerifier, pkce.redirectUri);
  } catch (problem) {
    return fail(refused(row.source_id, problem));
  }
  const discard = () => void client.revoke(tokens.refreshToken ?? tokens.accessToken, tokens.refreshToken ? 'refresh_token' : 'access_token').catch(() => {});
  let reached: ReachedAccount[];
  let refreshExpiresAt: number | undefined;
  try {
    reached = await client.accounts(tokens.accessToken);
    const lifetime = tokens.refreshToken ? await client.refreshTokenLifetime(tokens.refreshToken) : undefined;
    if (lifetime !== undefined) refreshExpiresAt = app.now() + lifetime;
  } catch (problem) {
    discard();
    return fail(refused(row.source_id, problem));
  }
  const valid = reached.flatMap((account) => {
    const checked = checkAccount(account.accountId, account.accountName);
    return 'problem' in checked ? [] : [checked];
  });
  const checked = valid[0];
  if (!checked || valid.length !== reached.length) {
    discard();
    return fail({ code: 'invalid_callback', message: 'The platform did not say which account these credentials reach. Nothing was connected.' });
  }
  // The guard: the credentials must reach the account being re-connected (a manager account's
  // reach its clients); anything else is refused, nothing replaced.
  if (row.connection_id) {
    const expected = await connections.findAccount(row.user_id, row.source_id, row.connection_id);
    if (expected && !valid.some((a) => a.accountId === expected.accountId)) {
      discard();
      return fail(mismatch(expected, checked));
    }
  }
  // Several accounts reached (a manager account's clients): the user chooses which to connect;
  // the tokens wait with the choice (selection.ts), for each chosen account; not kept, revoked.
  if (valid.length > 1) {
    return offerSelection(app, row, valid, { tokens, refreshExpiresAt }).catch((problem: unknown) => {
      discard();
      throw problem;
    });
  }

  if (row.connection_id) {
    const expected = await connections.findAccount(row.user_id, row.source_id, row.connection_id);
    if (!expected) {
      discard();
      return fail({ code: 'connection_not_found', message: 'The connection being re-connected was deleted meanwhile. Nothing was changed.' });
    }
    if (expected.accountId !== checked.accountId) {
      discard();
      return fail(mismatch(expected, checked));
    }
  }
  const expiresAt = refreshExpiresAt === undefined ? undefined : new Date(refreshExpiresAt).toISOString();
  // Who connects, for the history: a teammate through a connect link, else the user who started it.
  const viaLink = await app.links.actorForState(row.state);
  const by = viaLink.viaLink ? viaLink : { actor: await app.actorName(row.user_id) };
  // The connection, its sealed tokens (a grant of its own), the state's outcome, its history and
  // the connect link behind it (checked again and used up) in one transaction.
  let previous: StoredTokens | undefined;
  try {
    await connections.authorize(
      row.user_id,
      row.source_id,
      checked.accountId,
      checked.accountName,
      expiresAt,
      async (tx, connectionId) => {
        previous = await app.oauth!.tokens.save(connectionId, newGrantId(), tokens, refreshExpiresAt, tx);
        await authorizations.complete(row.state, connectionId, tx);
        await app.links.useForState(tx, row.state, connectionId, checked);
      },
      by,
    );
  } catch (problem) {
    if (!(problem instanceof LinkRefused)) throw problem;
    // A connect link used or revoked since this sign-in started connects nothing more.
    discard();
    return fail(refusalError(problem.refusal));
  }
  // The grant these tokens replace is retired at the platform (its tokens would work on
  // otherwise), unless other connections of its sign-in still hold it.
  await app.oauth!.retire(row.source_id, previous);
}

/** `GET /api/authorizations/callback`: where the platform sends the user back. */
export function callbackRoute(app: App): Route {
  return {
    method: 'GET',
    pattern: '/api/authorizations/callback',
    kind: 'html',
    query: true,
    // Reached by the platform's redirect, with no credential: the state names the user.
    public: true,
    async handle({ res, url }) {
      const nonce = newNonce();
      const headers = pageHeaders(nonce, "'none'");
      if (app.callbackCoop) headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      const notice = (status: number, title: string, message: string) => sendHtml(res, status, noticePage(nonce, title, message), headers);

      const state = singleQuery(url, 'state');
      if (!state || !isState(state)) {
        return notice(400, 'Invalid authorization', 'This page was opened without a valid authorization state.');
      }
      // Read before the state is claimed: a malformed answer (a repeated parameter) uses nothing up.
      const answer: PlatformAnswer = { code: singleQuery(url, 'code'), error: singleQuery(url, 'error'), iss: singleQuery(url, 'iss') };
      // The claim is one conditional update: of two racing callbacks (a reload, a replay, two
      // instances) one goes on.
      const claimed = await (async (): Promise<{ status: number; row?: AuthorizationRow }> => {
        const row = await app.authorizations.get(state);
        if (!row) return { status: 404 };
        if (row.status === 'failed' && row.error_code === EXPIRED.code) return { status: 410, row };
        if (!(await app.authorizations.claim(state))) return { status: 409 };
        return { status: 200, row };
      })();

      if (claimed.status === 404) return notice(404, 'Unknown authorization', 'This authorization is unknown to the server (it may have been reset).');
      // A replay must not post anything: the first use already told the opener the truth.
      if (claimed.status === 409) return notice(409, 'Authorization already used', 'This authorization link was already used. Each one works once.');
      if (claimed.status === 200) await settle(app, claimed.row!, answer);
      const settled = (await app.authorizations.get(state))!;
      const status = claimed.status === 410 ? 410 : settled.error_code === 'invalid_callback' ? 400 : 200;
      // A connect link's sign-in ends on a page of its own: no opener to tell, nothing to post.
      const link = await app.links.forState(state);
      if (link) {
        // A login that reaches several accounts: the teammate chooses here (link-choice.ts).
        const outcome = await outcomeOf(app, settled);
        if (outcome.status === 'awaiting_selection' && outcome.accounts && app.oauth) {
          const form = { proof: app.oauth.tokens.sealChoiceProof(state), link, accounts: outcome.accounts };
          return sendHtml(res, 200, linkChoicePage(nonce, form), { ...headers, ...pageHeaders(nonce, "'self'") });
        }
        const connectionId = settled.result_connection_id;
        const account = connectionId ? await app.connections.findAccount(settled.user_id, settled.source_id, connectionId) : undefined;
        return sendHtml(res, status, linkOutcomePage(nonce, settled, account?.accountName, settled.error_message ?? undefined), headers);
      }
      sendHtml(res, status, await outcomePage(app, nonce, settled), headers);
    },
  };
}

import type { ApiErrorDetail, AuthorizationMessage } from '../../src/api/types.js';
import type { App } from './app.js';
import { EXPIRED, toOutcome, type AuthorizationRow } from './authorizations.js';
import { sourceInfo } from './catalog.js';
import { sendHtml } from './http.js';
import { escapeHtml, newNonce, noticePage, pageHeaders, renderPage, scriptJson } from './pages.js';
import type { Route } from './router.js';
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

function outcomePage(nonce: string, row: AuthorizationRow): string {
  const outcome = toOutcome(row);
  const message: AuthorizationMessage = { type: 'dsw-authorization', ...outcome };
  const source = sourceInfo(row.source_id)?.name ?? row.source_id;
  const done = outcome.status === 'completed';
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

/** Applies what the provider sent to a claimed state; the state ends completed or failed. */
async function settle(app: App, row: AuthorizationRow, url: URL): Promise<void> {
  const { connections, authorizations } = app;
  const error = singleQuery(url, 'error');
  if (error !== undefined) {
    await authorizations.fail(row.state, accessDenied(row.source_id, isErrorCode(error) ? error : 'authorization_failed'));
    return;
  }
  const account = checkAccount(singleQuery(url, 'accountId'), singleQuery(url, 'accountName'));
  if ('problem' in account) {
    await authorizations.fail(row.state, { code: 'invalid_callback', message: `The provider's answer was incomplete: ${account.problem}` });
    return;
  }
  if (row.connection_id) {
    const expected = await connections.findAccount(row.user_id, row.source_id, row.connection_id);
    if (!expected) {
      await authorizations.fail(row.state, {
        code: 'connection_not_found',
        message: 'The connection being re-connected was deleted meanwhile. Nothing was changed.',
      });
      return;
    }
    if (expected.accountId !== account.accountId) {
      await authorizations.fail(row.state, mismatch(expected, account));
      return;
    }
  }
  await authorizations.complete(row.state, await connections.authorize(row.user_id, row.source_id, account.accountId, account.accountName));
}

/** `GET /api/authorizations/callback`: where the provider sends the user back. */
export function callbackRoute(app: App): Route {
  return {
    method: 'GET',
    pattern: '/api/authorizations/callback',
    kind: 'html',
    query: true,
    // Reached by the provider's redirect, with no credential: the state names the user.
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
      // The claim is one conditional update: two racing callbacks (even on two instances) cannot both win.
      const result = await (async (): Promise<{ status: number; row?: AuthorizationRow }> => {
        const row = await app.authorizations.get(state);
        if (!row) return { status: 404 };
        if (row.status === 'failed' && row.error_code === EXPIRED.code) {
          return { status: 410, row };
        }
        // A malformed answer (a repeated parameter) throws here, before the state is used up.
        for (const name of ['error', 'accountId', 'accountName']) singleQuery(url, name);
        if (!(await app.authorizations.claim(state))) return { status: 409 };
        await settle(app, row, url);
        const settled = (await app.authorizations.get(state))!;
        return { status: settled.error_code === 'invalid_callback' ? 400 : 200, row: settled };
      })();

      if (result.status === 404) return notice(404, 'Unknown authorization', 'This authorization is unknown to the server (it may have been reset).');
      // A replay must not post anything: the first use already told the opener the truth.
      if (result.status === 409) return notice(409, 'Authorization already used', 'This authorization link was already used. Each one works once.');
      sendHtml(res, result.status, outcomePage(nonce, result.row!), headers);
    },
  };
}

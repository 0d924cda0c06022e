import type { IncomingMessage } from 'node:http';
import type { App } from './app.js';
import { EXPIRED, type AuthorizationRow } from './authorizations.js';
import { sourceInfo, type SampleAccount } from './catalog.js';
import { HttpError, readBody, sendHtml } from './http.js';
import { escapeHtml, newNonce, noticePage, pageHeaders, renderPage } from './pages.js';
import type { Route, RouteContext } from './router.js';
import { checkAccount, isState, singleQuery } from './validation.js';

/**
 * A stand-in for a platform's consent screen: pick an account (or type one), Approve or Deny,
 * and be redirected to the callback as a real provider would. Works without script.
 */

interface Offer extends SampleAccount {
  note?: string;
}

async function offers(app: App, row: AuthorizationRow): Promise<Offer[]> {
  const samples = sourceInfo(row.source_id)?.samples ?? [];
  const connected = await app.connections.accountIds(row.user_id, row.source_id);
  const list: Offer[] = [];
  if (row.connection_id) {
    const current = await app.connections.findAccount(row.user_id, row.source_id, row.connection_id);
    if (current) list.push({ ...current, note: 'The account being re-connected' });
  } else {
    // One already connected account, to show that authorizing it again updates it in place.
    const main = (await app.connections.listConnections(row.user_id, row.source_id)).find((c) => c.role === 'main');
    if (main) list.push({ accountId: main.accountId, accountName: main.accountName });
  }
  for (const sample of samples) if (!list.some((o) => o.accountId === sample.accountId)) list.push({ ...sample });
  return list.map((offer) => (connected.has(offer.accountId) && !offer.note ? { ...offer, note: 'Already connected' } : offer));
}

interface FormState {
  account?: string;
  otherName?: string;
  otherId?: string;
  problem?: { field: 'account' | 'other'; message: string };
}

async function formPage(app: App, nonce: string, row: AuthorizationRow, form: FormState = {}): Promise<string> {
  const source = sourceInfo(row.source_id);
  const name = source?.name ?? row.source_id;
  const list = await offers(app, row);
  const chosen = form.account ?? list[0]?.accountId ?? 'other';
  const problem = form.problem;
  const radios = list
    .map((offer, i) => {
      const id = `account-${i}`;
      return `<div class="choice"><input type="radio" name="account" id="${id}" value="${escapeHtml(offer.accountId)}"${chosen === offer.accountId ? ' checked' : ''}>
<label for="${id}">${escapeHtml(offer.accountName)}<small>ID ${escapeHtml(offer.accountId)}${offer.note ? ` · ${escapeHtml(offer.note)}` : ''}</small></label></div>`;
    })
    .join('\n');
  const otherInvalid = problem?.field === 'other' ? ' aria-invalid="true" aria-describedby="problem"' : '';
  const reconnect = row.connection_id ? list.find((o) => o.note === 'The account being re-connected') : undefined;
  const body = `<header>${source ? `<img src="${escapeHtml(source.logoUrl)}" alt="">` : ''}<h1>Sign in to ${escapeHtml(name)}</h1></header>
<p class="muted">Simulated provider for the data-source-widgets demo. No real account is involved.</p>
<p><strong>${escapeHtml(row.origin)}</strong> asks for read access to the reporting data of one ${escapeHtml(name)} account.</p>
${reconnect ? `<p>Re-connecting <strong>${escapeHtml(reconnect.accountName)}</strong> (ID ${escapeHtml(reconnect.accountId)}). Choose another account to see what happens when the accounts do not match.</p>` : ''}
${problem ? `<p class="alert" id="problem" role="alert">${escapeHtml(problem.message)}</p>` : ''}
<form method="post" action="/provider/authorize">
<input type="hidden" name="state" value="${escapeHtml(row.state)}">
<fieldset${problem?.field === 'account' ? ' aria-describedby="problem"' : ''}>
<legend>Account to connect</legend>
${radios}
<div class="choice"><input type="radio" name="account" id="account-other" value="other"${chosen === 'other' ? ' checked' : ''}>
<label for="account-other">Another account<small>Type its name and ID below</small></label></div>
<div class="field"><label for="other-name">Account name</label>
<input type="text" id="other-name" name="otherName" maxlength="120" autocomplete="off" value="${escapeHtml(form.otherName ?? '')}"${otherInvalid}></div>
<div class="field"><label for="other-id">Account ID</label>
<input type="text" id="other-id" name="otherId" maxlength="64" autocomplete="off" spellcheck="false" value="${escapeHtml(form.otherId ?? '')}"${otherInvalid}></div>
</fieldset>
<div class="actions">
<button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Deny</button>
<button type="submit" class="primary" name="decision" value="approve">Approve</button>
</div>
</form>`;
  // Typing an account name or ID means "another account"; without script the radio still works.
  const script = `
(() => {
  const other = document.getElementById('account-other');
  for (const id of ['other-name', 'other-id']) {
    document.getElementById(id).addEventListener('input', () => { other.checked = true; });
  }
})();
`;
  return renderPage({ title: `Sign in to ${name}`, nonce, body, script });
}

/** The pending row behind `state`, or the page that explains why there is none. */
async function pendingRow(app: App, state: string | undefined): Promise<AuthorizationRow | { status: number; title: string; message: string }> {
  if (!state || !isState(state)) {
    return { status: 400, title: 'Invalid authorization', message: 'This page needs the state of an authorization started by the widget.' };
  }
  const row = await app.authorizations.get(state);
  if (!row) return { status: 404, title: 'Unknown authorization', message: 'This authorization is unknown to the server (it may have been reset).' };
  if (row.status === 'failed' && row.error_code === EXPIRED.code) return { status: 410, title: 'Authorization expired', message: EXPIRED.message };
  if (row.status !== 'pending') return { status: 409, title: 'Authorization already used', message: 'This authorization link was already used. Each one works once.' };
  return row;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const raw = await readBody(req);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'unsupported_media_type', 'This form is sent as application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(raw.toString('utf8'));
}

function callbackLocation(state: string, params: Record<string, string>): string {
  return `/api/authorizations/callback?${new URLSearchParams({ state, ...params })}`;
}

export function providerRoutes(app: App): Route[] {
  const show = async ({ res, url }: RouteContext) => {
    const nonce = newNonce();
    const headers = pageHeaders(nonce, "'self'");
    const row = await pendingRow(app, singleQuery(url, 'state'));
    if (!('state' in row)) return sendHtml(res, row.status, noticePage(nonce, row.title, row.message), headers);
    sendHtml(res, 200, await formPage(app, nonce, row), headers);
  };

  const decide = async ({ req, res }: RouteContext) => {
    const nonce = newNonce();
    const headers = pageHeaders(nonce, "'self'");
    const form = await readForm(req);
    const row = await pendingRow(app, form.get('state') ?? undefined);
    if (!('state' in row)) return sendHtml(res, row.status, noticePage(nonce, row.title, row.message), headers);
    const decision = form.get('decision');
    if (decision === 'deny') {
      res.writeHead(303, { Location: callbackLocation(row.state, { error: 'access_denied' }) });
      res.end();
      return;
    }
    const values: FormState = {
      account: form.get('account') ?? undefined,
      otherName: form.get('otherName') ?? '',
      otherId: form.get('otherId') ?? '',
    };
    let account: SampleAccount | undefined;
    if (decision !== 'approve') {
      values.problem = { field: 'account', message: 'Choose Approve or Deny.' };
    } else if (values.account === 'other') {
      const checked = checkAccount(values.otherId, values.otherName);
      if ('problem' in checked) values.problem = { field: 'other', message: checked.problem };
      else account = checked;
    } else {
      account = (await offers(app, row)).find((offer) => offer.accountId === values.account);
      if (!account) values.problem = { field: 'account', message: 'Choose one of the accounts, or "Another account".' };
    }
    if (!account) return sendHtml(res, 400, await formPage(app, nonce, row, values), headers);
    res.writeHead(303, { Location: callbackLocation(row.state, { accountId: account.accountId, accountName: account.accountName }) });
    res.end();
  };

  return [
    { method: 'GET', pattern: '/provider/authorize', kind: 'html', query: true, handle: show },
    { method: 'POST', pattern: '/provider/authorize', kind: 'html', handle: decide },
  ];
}

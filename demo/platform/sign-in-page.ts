import { escapeHtml, renderPage } from '../server/pages.js';
import type { PlatformAccount } from './accounts.js';

/**
 * The platform's sign-in and consent page, in one step: pick the account (or type one), then
 * Approve or Deny. Keyboard first: focus starts on the first account, and Enter anywhere in the
 * form submits Approve — Deny belongs to a form of its own, so it is never the default button,
 * while it stays first in reading and Tab order, where it is drawn.
 */

export interface SignInForm {
  account?: string;
  otherName?: string;
  otherId?: string;
  problem?: { field: 'account' | 'other'; message: string };
}

export interface SignInPage {
  uid: string;
  nonce: string;
  source: { id: string; name: string; logoUrl?: string };
  /** Who asks: the client's registered name. */
  clientName: string;
  offers: (PlatformAccount & { note?: string })[];
  form?: SignInForm;
}

export function signInPage({ uid, nonce, source, clientName, offers, form = {} }: SignInPage): string {
  const chosen = form.account ?? offers[0]?.accountId ?? 'other';
  const problem = form.problem;
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const radios = offers
    .map((offer, i) => {
      const id = `account-${i}`;
      // The first control takes focus when the page opens (a pop-up a keyboard user just opened).
      const focus = i === 0 && !problem ? ' autofocus' : '';
      return `<div class="choice"><input type="radio" name="account" id="${id}" value="${escapeHtml(offer.accountId)}"${chosen === offer.accountId ? ' checked' : ''}${focus}>
<label for="${id}">${escapeHtml(offer.accountName)}<small>ID ${escapeHtml(offer.accountId)}${offer.note ? ` · ${escapeHtml(offer.note)}` : ''}</small></label></div>`;
    })
    .join('\n');
  const otherInvalid = problem?.field === 'other' ? ' aria-invalid="true" aria-describedby="problem"' : '';
  const reconnect = offers.find((o) => o.note);
  const body = `<header>${source.logoUrl ? `<img src="${escapeHtml(source.logoUrl)}" alt="">` : ''}<h1>Sign in to ${escapeHtml(source.name)}</h1></header>
<p class="muted">The demo's authorization server, playing ${escapeHtml(source.name)}. No real account is involved.</p>
<p><strong>${escapeHtml(clientName)}</strong> asks for read access to the reporting data of one ${escapeHtml(source.name)} account, and to keep it until you revoke it.</p>
${reconnect ? `<p>Re-connecting <strong>${escapeHtml(reconnect.accountName)}</strong> (ID ${escapeHtml(reconnect.accountId)}). Choose another account to see what happens when the accounts do not match.</p>` : ''}
${problem ? `<p class="alert" id="problem" role="alert" tabindex="-1">${escapeHtml(problem.message)}</p>` : ''}
<form method="post" action="${action}/confirm" id="approve">
<fieldset${problem?.field === 'account' ? ' aria-describedby="problem"' : ''}>
<legend>Account to connect</legend>
${radios}
<div class="choice"><input type="radio" name="account" id="account-other" value="other"${chosen === 'other' ? ' checked' : ''}${offers.length === 0 && !problem ? ' autofocus' : ''}>
<label for="account-other">Another account<small>Type its name and ID below</small></label></div>
<div class="field"><label for="other-name">Account name</label>
<input type="text" id="other-name" name="otherName" maxlength="120" autocomplete="off" value="${escapeHtml(form.otherName ?? '')}"${otherInvalid}></div>
<div class="field"><label for="other-id">Account ID</label>
<input type="text" id="other-id" name="otherId" maxlength="64" autocomplete="off" spellcheck="false" value="${escapeHtml(form.otherId ?? '')}"${otherInvalid}></div>
</fieldset>
<div class="actions">
<button type="submit" class="secondary" form="deny">Deny</button>
<button type="submit" class="primary">Approve</button>
</div>
</form>
<form method="post" action="${action}/abort" id="deny"></form>`;
  // Typing an account name or ID means "another account"; without script the radio still works.
  // After a refused submission, focus goes to the message that says why.
  const script = `
(() => {
  const other = document.getElementById('account-other');
  for (const id of ['other-name', 'other-id']) {
    document.getElementById(id).addEventListener('input', () => { other.checked = true; });
  }
  const problem = document.getElementById('problem');
  if (problem) problem.focus();
})();
`;
  return renderPage({ title: `Sign in to ${source.name}`, nonce, body, script });
}

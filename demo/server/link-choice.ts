import type { SelectableAccount } from '../../src/api/types.js';
import type { App } from './app.js';
import { sourceInfo } from './catalog.js';
import { HttpError, readBody, sendHtml } from './http.js';
import { LinkRefused, type LinkRow } from './links.js';
import { PRODUCT_NAME } from './link-page.js';
import { escapeHtml, newNonce, noticePage, pageHeaders, renderPage } from './pages.js';
import type { Route } from './router.js';
import { cancelChoice, checkChosen, confirmChoice, openChoice, revokeTaken, takeChoice } from './selection.js';

/**
 * A connect link's sign-in that reaches several accounts (an agency's manager login): the
 * teammate chooses which to connect on a page of the endpoint's host, as the widgets' selection
 * step lets the user choose, since a link's page has no widget. The callback shows the form
 * (`linkChoicePage`); it posts to `/api/connect/choice` with a proof: the state, sealed by this
 * server (AES-GCM: it cannot be forged, nor moved to another state), given only to the browser
 * that came back from the platform with the code. The state itself never appears on the page.
 * The link is used up with the first account connected; the history says the teammate connected
 * each one through the link. Cancelling connects nothing, revokes the grant and leaves the link
 * as it was, so it can be opened again.
 */

const CHOICE_PATH = '/api/connect/choice';

export interface ChoiceForm {
  /** The proof the form posts back (see the top of this file). */
  proof: string;
  link: LinkRow;
  accounts: SelectableAccount[];
  /** What the teammate had chosen, when the page comes back with a problem. */
  chosen?: ReadonlySet<string>;
  main?: string;
  problem?: string;
}

export function linkChoicePage(nonce: string, form: ChoiceForm): string {
  const { proof, link, accounts, problem } = form;
  const name = sourceInfo(link.source_id)?.name ?? link.source_id;
  // Connected accounts come pre-checked, as in the widgets' step.
  const chosen = form.chosen ?? new Set(accounts.filter((a) => a.connectionId).map((a) => a.accountId));
  const rows = accounts
    .map((a) => {
      const detail = `ID ${escapeHtml(a.accountId)}${a.connectionId ? ' · already connected' : ''}`;
      return `<label class="choice"><input type="checkbox" name="account" value="${escapeHtml(a.accountId)}"${chosen.has(a.accountId) ? ' checked' : ''}><span>${escapeHtml(a.accountName)}<small>${detail}</small></span></label>`;
    })
    .join('\n');
  const options = accounts
    .map((a) => `<option value="${escapeHtml(a.accountId)}"${form.main === a.accountId ? ' selected' : ''}>${escapeHtml(a.accountName)}</option>`)
    .join('');
  const body = `<h1>Choose the ${escapeHtml(name)} accounts to connect</h1>
<p>Your sign-in gives access to ${accounts.length} ${escapeHtml(name)} accounts. Each one you choose is connected to <strong>${escapeHtml(PRODUCT_NAME)}</strong> for the person who sent you the link.</p>
${problem ? `<p class="alert" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="${CHOICE_PATH}">
<input type="hidden" name="choice" value="${escapeHtml(proof)}">
<div class="stack" id="finder" hidden><label for="search">Search accounts</label><input type="search" id="search" autocomplete="off">
<div class="row"><button type="button" class="secondary" id="all">Select all shown</button><span class="muted" id="shown" role="status"></span></div></div>
<fieldset><legend>Accounts</legend>
${rows}
</fieldset>
<label class="stack">Main account <select name="main"><option value="">The first one chosen</option>${options}</select></label>
<div class="actions"><button type="submit" name="action" value="connect" class="primary">Connect the chosen accounts</button><button type="submit" name="action" value="cancel" class="secondary">Cancel</button></div>
</form>`;
  return renderPage({ title: `Choose the ${name} accounts to connect`, nonce, body, script: FINDER });
}

/**
 * With JavaScript, a search over the accounts and "Select all shown": a manager login may reach
 * hundreds. Without it, the page is the plain list above, and works the same.
 */
const FINDER = `
(() => {
  const rows = [...document.querySelectorAll('.choice')];
  const search = document.getElementById('search');
  const shown = document.getElementById('shown');
  const visible = () => rows.filter((row) => !row.hidden);
  search.addEventListener('input', () => {
    const words = search.value.trim().toLowerCase();
    for (const row of rows) row.hidden = !row.textContent.toLowerCase().includes(words);
    shown.textContent = words ? visible().length + ' of ' + rows.length + ' accounts shown' : '';
  });
  document.getElementById('all').addEventListener('click', () => {
    const boxes = visible().map((row) => row.querySelector('input'));
    const check = boxes.some((box) => !box.checked);
    for (const box of boxes) box.checked = check;
  });
  document.getElementById('finder').hidden = false;
})();
`;

function donePage(nonce: string, sourceId: string, count: number): string {
  const name = sourceInfo(sourceId)?.name ?? sourceId;
  const title = count === 1 ? `${name} account connected` : `${count} ${name} accounts connected`;
  return renderPage({
    title,
    nonce,
    body: `<h1 class="status-completed">${escapeHtml(title)}</h1>\n<p role="status">${count === 1 ? 'It is' : 'They are'} now connected to ${escapeHtml(PRODUCT_NAME)}. Thank you: you can close this page.</p>`,
  });
}

/** `POST /api/connect/choice`: the teammate's choice (or cancel) for a link's sign-in. */
export function linkChoiceRoutes(app: App): Route[] {
  return [
    {
      method: 'POST',
      pattern: CHOICE_PATH,
      kind: 'html',
      public: true,
      async handle({ req, res }) {
        const nonce = newNonce();
        const notice = (status: number, title: string, message: string) => sendHtml(res, status, noticePage(nonce, title, message), pageHeaders(nonce, "'none'"));
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        const proof = form.get('choice') ?? '';
        const state = app.oauth?.tokens.openChoiceProof(proof);
        const link = state ? await app.links.forState(state) : undefined;
        if (!state || !link) return notice(400, 'This form cannot be used', 'This choice form is not one this server made. Open the link you were sent again.');
        try {
          const choice = await openChoice(app, state, link.user_id);
          if (form.get('action') === 'cancel') {
            await cancelChoice(app, state);
            return notice(200, 'Nothing was connected', 'You cancelled the choice. The link still works until it expires: open it again to choose other accounts.');
          }
          const offered = new Map(choice.accounts.map((a) => [a.accountId, a]));
          let picked;
          try {
            picked = checkChosen(offered, form.getAll('account'), form.get('main') || undefined);
          } catch (problem) {
            if (!(problem instanceof HttpError) || problem.status !== 400) throw problem;
            const page = linkChoicePage(nonce, { proof, link, accounts: choice.accounts, chosen: new Set(form.getAll('account')), main: form.get('main') ?? undefined, problem: problem.message });
            return sendHtml(res, 400, page, pageHeaders(nonce, "'self'"));
          }
          const taken = await takeChoice(app, state);
          const by = { actor: link.recipient, viaLink: true, linkId: link.id };
          try {
            // The link is used up in the transaction of the first account connected: a link
            // revoked or used meanwhile connects nothing.
            let first = true;
            await confirmChoice(app, taken, picked.chosen, picked.main, by, async (tx, connectionId, account) => {
              if (!first) return;
              first = false;
              await app.links.useForState(tx, state, connectionId, account);
            });
          } catch (problem) {
            if (!(problem instanceof LinkRefused)) throw problem;
            await revokeTaken(app, taken);
            await app.authorizations.fail(state, { code: problem.refusal.code, message: problem.refusal.message });
            return notice(problem.refusal.status, problem.refusal.title, problem.refusal.message);
          }
          sendHtml(res, 200, donePage(nonce, link.source_id, picked.chosen.length), pageHeaders(nonce, "'none'"));
        } catch (problem) {
          if (!(problem instanceof HttpError)) throw problem;
          return notice(problem.status, 'This choice is closed', `${problem.message} Open the link you were sent again if it still works.`);
        }
      },
    },
  ];
}

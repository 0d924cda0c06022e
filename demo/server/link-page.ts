import type { App } from './app.js';
import { authorizationUrlFor, type AuthorizationRow } from './authorizations.js';
import { sourceInfo } from './catalog.js';
import { sendHtml } from './http.js';
import type { LinkRefusal, LinkRow } from './links.js';
import { escapeHtml, newNonce, noticePage, pageHeaders, renderPage } from './pages.js';
import type { Route, RouteContext } from './router.js';

/**
 * The page a connect link opens, on the endpoint's host: which product asks, for which data
 * source, the note, and one button that runs the same authorization as the widgets' Connect.
 * It shows nothing else of the account (no connections, no other sources), and after the
 * provider it ends on a page of its own (the widgets' callback page posts to an opener, and a
 * link's page has none).
 */

/** The product that asks; a host serving the contract names its own. */
export const PRODUCT_NAME = 'Northwind Reports';

const LINK_ID = /^lnk_[A-Za-z0-9_-]{1,32}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** `/api/connect/{id}/{token}`: the URL sent to the teammate (under the endpoint, which the handler serves). */
export function linkUrl(base: string, id: string, token: string): string {
  return `${base}/api/connect/${encodeURIComponent(id)}/${encodeURIComponent(token)}`;
}

const UNKNOWN: LinkRefusal = {
  status: 404,
  code: 'link_not_found',
  title: 'This link does not work',
  message: 'This connect link is unknown: it may have been copied incompletely. Ask the person who sent it for a new one.',
};

function checked(app: App, { params }: RouteContext): Promise<LinkRow | LinkRefusal> | LinkRefusal {
  const id = params.linkId ?? '';
  const token = params.token ?? '';
  if (!LINK_ID.test(id) || !TOKEN.test(token)) return UNKNOWN;
  return app.links.check(id, token);
}

function refuse(res: RouteContext['res'], refusal: LinkRefusal): void {
  const nonce = newNonce();
  sendHtml(res, refusal.status, noticePage(nonce, refusal.title, refusal.message), pageHeaders(nonce, "'none'"));
}

function askPage(nonce: string, row: LinkRow, action: string): string {
  const source = sourceInfo(row.source_id);
  const name = source?.name ?? row.source_id;
  const expires = new Date(row.expires_at).toUTCString();
  // The logos are served under the endpoint too (`/api/logos/`): relative to this page's `/api/connect/{id}/`.
  const logo = source?.logoUrl.replace(/^\/logos\//, '../../logos/');
  const body = `<header>${logo ? `<img src="${escapeHtml(logo)}" alt="">` : ''}<h1>Connect a ${escapeHtml(name)} account</h1></header>
<p><strong>${escapeHtml(PRODUCT_NAME)}</strong> asks you to connect a <strong>${escapeHtml(name)}</strong> account, so that its reporting data can be imported.${row.recipient ? ` This link was made for ${escapeHtml(row.recipient)}.` : ''}</p>
${row.note ? `<figure><figcaption class="muted">Note from the person who sent this link</figcaption><blockquote>${escapeHtml(row.note)}</blockquote></figure>` : ''}
<p>You will sign in to ${escapeHtml(name)} and choose the account. ${escapeHtml(PRODUCT_NAME)} gets read access to that account's reporting data only; this page shows nothing else and gives you no access to ${escapeHtml(PRODUCT_NAME)}.</p>
<p class="muted">The link works once, until ${escapeHtml(expires)}.</p>
<form method="post" action="${escapeHtml(action)}">
<div class="actions"><button type="submit" class="primary">Continue to ${escapeHtml(name)}</button></div>
</form>`;
  return renderPage({ title: `Connect a ${name} account`, nonce, body });
}

/** Where a link's authorization ends, instead of the widgets' callback page (no opener to tell). */
export function linkOutcomePage(nonce: string, row: AuthorizationRow, accountName: string | undefined, error: string | undefined): string {
  const name = sourceInfo(row.source_id)?.name ?? row.source_id;
  const done = row.status === 'completed';
  const title = done ? `${name} account connected` : `${name} account not connected`;
  const text = done
    ? `${accountName ?? 'The account'} is now connected to ${PRODUCT_NAME}. Thank you: you can close this page.`
    : `${error ?? 'The authorization failed.'} If the link still works, open it again to try once more.`;
  return renderPage({
    title,
    nonce,
    body: `<h1 class="status-${row.status}">${escapeHtml(title)}</h1>\n<p role="status">${escapeHtml(text)}</p>`,
  });
}

/**
 * `GET /api/connect/{id}/{token}` shows the page; its form's POST starts the authorization, for
 * the link's user (whoever opens the page is not signed in here: the token is the credential).
 */
export function linkPageRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/connect/:linkId/:token',
      kind: 'html',
      public: true,
      async handle(context) {
        const row = await checked(app, context);
        if (!('id' in row)) return refuse(context.res, row);
        const nonce = newNonce();
        const action = new URL(context.url.pathname, 'http://x').pathname;
        sendHtml(context.res, 200, askPage(nonce, row, action), pageHeaders(nonce, "'self'"));
      },
    },
    {
      method: 'POST',
      pattern: '/api/connect/:linkId/:token',
      kind: 'html',
      public: true,
      async handle(context) {
        const { req, res } = context;
        req.resume();
        const row = await checked(app, context);
        if (!('id' in row)) return refuse(res, row);
        // Counted against the link's user, as their own starts are (a 429 page past the limit).
        await app.rateLimit(row.user_id, 'authorizations');
        const base = app.baseUrl(req);
        // The same authorization as the widgets' Connect; its callback comes back to this host.
        const authorization = await app.sql.transaction(async (tx) => {
          const created = await app.authorizations.create(row.user_id, row.source_id, undefined, base, tx);
          await app.links.bindState(tx, created.state, row.id);
          return created;
        });
        let location: string;
        try {
          location = await authorizationUrlFor(app, base, authorization);
        } catch {
          const nonce = newNonce();
          const message = "The data platform's sign-in cannot be reached right now. Please try again in a moment: the link still works.";
          return sendHtml(res, 503, noticePage(nonce, 'Please try again', message), { ...pageHeaders(nonce, "'none'"), 'Retry-After': '30' });
        }
        // Not a redirect: the page's `form-action` would block one to the platform's origin. The
        // `Refresh` header goes on at once; the link is there for a browser that does not.
        const nonce = newNonce();
        const name = sourceInfo(row.source_id)?.name ?? row.source_id;
        const page = renderPage({
          title: `Continue to ${name}`,
          nonce,
          body: `<h1>Continue to ${escapeHtml(name)}</h1>\n<p><a href="${escapeHtml(location)}">Sign in to ${escapeHtml(name)}</a> to choose the account to connect.</p>`,
        });
        sendHtml(res, 200, page, { ...pageHeaders(nonce, "'none'"), Refresh: `0; url=${location}` });
      },
    },
  ];
}

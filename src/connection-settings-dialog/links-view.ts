import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConnectLink } from '../api/types.js';
import type { ConnectLinksController } from '../controllers/connect-links.js';
import { formatTimestamp } from '../format/dates.js';
import { formatRelative } from '../format/relative.js';
import type { Strings } from '../strings/strings.js';
import { checkIcon, warningIcon } from '../styles/icons.js';
import { loadFailureText } from '../views/error-text.js';

/** The expiry choices offered, in days; the first is the default. */
export const LINK_DAYS = [7, 1, 3, 14, 30] as const;

export interface LinksViewOptions {
  links: ConnectLinksController;
  sourceName: string;
  strings: Strings;
  locale?: string;
  now: number;
  onCreate(event: SubmitEvent): void;
  onRevoke(event: Event): void;
  onCopy(): void;
  onRetry(): void;
}

/**
 * "Ask someone else to connect": a short form (their name or e-mail, a note, how long the link
 * works), the link just made with Copy and e-mail, and the pending links with Revoke. Only the
 * link just made shows its URL: the endpoint keeps a hash of the token, never the token.
 */
export function linksView(o: LinksViewOptions): TemplateResult {
  const s = o.strings;
  const { links } = o;
  return html`<section class="panel links" part="links" aria-labelledby="panel-title">
    <h3 id="panel-title" class="panel-title" tabindex="-1">${s.linksTitle}</h3>
    <p class="intro">${s.linksIntro(o.sourceName)}</p>
    ${links.created ? createdView(o) : formView(o)}
    ${pendingView(o)}
  </section>`;
}

function formView(o: LinksViewOptions): TemplateResult {
  const s = o.strings;
  return html`<form class="link-form" part="link-form" @submit=${o.onCreate}>
    <label for="link-recipient">${s.linkRecipientLabel}</label>
    <input id="link-recipient" name="recipient" type="text" maxlength="200" autocomplete="off" />
    <label for="link-note">${s.linkNoteLabel}</label>
    <textarea id="link-note" name="note" rows="2" maxlength="1000"></textarea>
    <label for="link-days">${s.linkExpiryLabel}</label>
    <select id="link-days" name="days">
      ${LINK_DAYS.map((days) => html`<option value=${days}>${s.linkDays(days)}</option>`)}
    </select>
    <div class="form-actions">
      <button type="submit" class="primary" part="create-link-button" aria-disabled=${o.links.creating ? 'true' : 'false'}>
        ${o.links.creating ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.createLink}
      </button>
    </div>
  </form>`;
}

function createdView(o: LinksViewOptions): TemplateResult {
  const s = o.strings;
  const link = o.links.created!;
  const subject = s.linkEmailSubject(o.sourceName);
  const body = s.linkEmailBody(o.sourceName, link.url, link.note ?? '');
  // Addressed to the teammate when what was typed looks like an address.
  const to = link.recipient && /^[^\s@]+@[^\s@]+$/.test(link.recipient) ? encodeURIComponent(link.recipient) : '';
  const mailto = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return html`<div class="created" part="created-link">
    <p class="created-text">
      ${checkIcon}<span>${s.linkCreated(formatTimestamp(link.expiresAt, o.locale))}</span>
    </p>
    <label for="link-url">${s.linkUrlLabel}</label>
    <input id="link-url" class="data" type="text" readonly .value=${link.url} @focus=${selectAll} />
    <div class="form-actions">
      <button type="button" class="primary" part="copy-link-button" @click=${o.onCopy}>${s.copyLink}</button>
      <a class="button" part="email-link-button" href=${mailto}>${s.emailLink}</a>
    </div>
  </div>`;
}

function pendingView(o: LinksViewOptions): TemplateResult {
  const s = o.strings;
  const { links } = o;
  let content: TemplateResult;
  if (links.loadError && !links.links) {
    content = html`<p class="load-error-line" role="alert">
      ${warningIcon}<span>${loadFailureText(links.loadError, s)}</span>
      <button type="button" class="quiet" @click=${o.onRetry}>${s.retry}</button>
    </p>`;
  } else if (!links.links) {
    content = html`<p class="note" aria-busy="true">${s.loading}</p>`;
  } else if (links.links.length === 0) {
    content = html`<p class="note">${s.noPendingLinks}</p>`;
  } else {
    content = html`<p class="count">${s.pendingLinksCount(links.links.length)}</p>
      <ul class="pending" part="pending-links" @click=${o.onRevoke}>
        ${repeat(links.links, (link) => link.id, (link) => pendingItem(link, o))}
      </ul>`;
  }
  return html`<h4 class="pending-title">${s.pendingLinksTitle}</h4>
    ${content}`;
}

function pendingItem(link: ConnectLink, o: LinksViewOptions): TemplateResult {
  const s = o.strings;
  const id = `link-${encodeURIComponent(link.id)}`;
  const busy = o.links.revoking.has(link.id);
  return html`<li part="pending-link" data-id=${link.id}>
    <div class="link-text" id=${id}>
      <span class="link-who data">${link.recipient ? s.linkFor(link.recipient) : s.linkForAnyone}</span>
      <span class="link-dates">${datesLine(link, o)}</span>
      ${link.note ? html`<span class="link-note data">${link.note}</span>` : nothing}
    </div>
    <button type="button" class="quiet" part="revoke-link-button" data-revoke=${link.id} aria-describedby=${id} aria-disabled=${busy ? 'true' : 'false'} aria-busy=${ifDefined(busy ? 'true' : undefined)}>
      ${s.revokeLink}
    </button>
  </li>`;
}

/**
 * "Created 5 minutes ago, expires in 7 days" with each time a `<time>`: the dialog's tooltip
 * gives the exact date on hover and focus. The sentence is the locale's; markers stand where
 * its two times go, and the text is cut there.
 */
function datesLine(link: ConnectLink, o: LinksViewOptions): TemplateResult {
  const time = (iso: string) => html`<time datetime=${iso} tabindex="0">${formatRelative(iso, o.now, o.locale)}</time>`;
  const parts = o.strings.linkDates('\u0001', '\u0002').split(/([\u0001\u0002])/);
  return html`${parts.map((part) => (part === '\u0001' ? time(link.createdAt) : part === '\u0002' ? time(link.expiresAt) : part))}`;
}

function selectAll(event: Event): void {
  (event.target as HTMLInputElement).select();
}

import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Notice } from '../controllers/connect-controller.js';
import type { ConnectionActions } from '../controllers/connection-actions.js';
import type { Strings } from '../strings/strings.js';
import { closeIcon } from '../styles/icons.js';

type NoticeActions = Pick<ConnectionActions, 'retryConnect' | 'add'>;

/**
 * What a connect or re-connect notice offers: Retry (a blocked pop-up, a network error) and
 * "Add it as a new connection" (the user signed in as another account than the one being
 * re-connected). `buttonClass` fits them to where they stand (`quiet` in the dialog's footer).
 */
export function noticeActions(notice: Notice | undefined, s: Strings, actions: NoticeActions, buttonClass = '', source?: string): TemplateResult {
  const name = named(s, source);
  return html`${notice?.retry
    ? html`<button class=${buttonClass} part="button" aria-label=${name(s.retry)} data-prefetch="authorization" @click=${() => actions.retryConnect()}>${s.retry}</button>`
    : nothing}${notice?.offerAddNew
    ? html`<button class=${buttonClass} part="button" aria-label=${name(s.addAsNewConnection)} data-prefetch="authorization" @click=${() => actions.add()}>${s.addAsNewConnection}</button>`
    : nothing}`;
}

/**
 * The accessible name of a button that each data source's widget repeats on a page (Retry,
 * Dismiss…): its text followed by the data source (`ofSource`), so that a list of buttons or a voice
 * command tells them apart; the text alone where one source is in view (the dialog).
 */
export const named =
  (s: Strings, source: string | undefined) =>
  (text: string): string =>
    source ? text + s.ofSource(source) : text;

export interface NoticeViewOptions {
  notice: Notice | undefined;
  strings: Strings;
  actions: NoticeActions;
  /**
   * The text is a polite live region, rendered empty before the first notice so that its first
   * text is announced. Off where the element announces through a live region of its own.
   */
  live: boolean;
  /** Offers a × that clears the notice (not while the pop-up is open). */
  onDismiss?: () => void;
  /** The data source's name, for the buttons' accessible names (see `named`). */
  source?: string;
}

/** The result of a connect or re-connect, in the card and the banner: text, actions, dismiss. */
export function noticeView({ notice, strings: s, actions, live, onDismiss, source }: NoticeViewOptions): TemplateResult {
  return html`<div part="notice" class="notice" data-tone=${notice?.tone ?? nothing}>
    <p class="notice-text" role=${ifDefined(live ? 'status' : undefined)}>${notice?.text ?? nothing}</p>
    ${noticeActions(notice, s, actions, '', source)}
    ${notice && onDismiss
      ? html`<button class="quiet icon" part="button" aria-label=${named(s, source)(s.dismissNotice)} @click=${onDismiss}>${closeIcon}</button>`
      : nothing}
  </div>`;
}

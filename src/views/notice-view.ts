import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Notice } from '../controllers/connect-controller.js';
import type { WidgetActions } from '../controllers/widget-actions.js';
import type { Strings } from '../strings/strings.js';
import { closeIcon } from '../styles/icons.js';

type NoticeActions = Pick<WidgetActions, 'retryConnect' | 'add'>;

/**
 * What a connect or re-connect notice offers: Retry (a blocked pop-up, a network error) and
 * "Add it as a new connection" (the user signed in as another account than the one being
 * re-connected). `buttonClass` fits them to where they stand (`quiet` in the dialog's footer).
 */
export function noticeActions(notice: Notice | undefined, s: Strings, actions: NoticeActions, buttonClass = '', ofSource = ''): TemplateResult {
  return html`${notice?.retry
    ? html`<button class=${buttonClass} part="button" aria-label=${s.retry + ofSource} data-prefetch="authorization" @click=${() => actions.retryConnect()}>${s.retry}</button>`
    : nothing}${notice?.offerAddNew
    ? html`<button class=${buttonClass} part="button" aria-label=${s.addAsNewConnection + ofSource} data-prefetch="authorization" @click=${() => actions.add()}>${s.addAsNewConnection}</button>`
    : nothing}`;
}

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
  /**
   * What follows each button's text in its accessible name: the data source (`ofSource`), where
   * every source's widget repeats these buttons on a page; nothing in the dialog, one source in view.
   */
  ofSource?: string;
}

/**
 * The result of a connect or re-connect, in the banner: text, actions, dismiss. The card writes
 * the same two boxes into its own template (one template instance and two parts fewer per card,
 * for a box that is empty nearly always) and puts `noticeControls` after the text.
 */
export function noticeView({ notice, live, ...options }: NoticeViewOptions): TemplateResult {
  return html`<div part="notice" class="notice" data-tone=${notice?.tone ?? nothing}>
    <p class="notice-text" role=${ifDefined(live ? 'status' : undefined)}>${notice?.text ?? nothing}</p>
    ${noticeControls({ notice, ...options })}
  </div>`;
}

/** What follows a notice's text: its actions and its ×; nothing while there is no notice. */
export function noticeControls({ notice, strings: s, actions, onDismiss, ofSource = '' }: Omit<NoticeViewOptions, 'live'>): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`${noticeActions(notice, s, actions, '', ofSource)}${onDismiss
    ? html`<button class="quiet icon" part="button" aria-label=${s.dismissNotice + ofSource} @click=${onDismiss}>${closeIcon}</button>`
    : nothing}`;
}

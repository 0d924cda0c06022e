import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetActions } from '../controllers/widget-actions.js';
import type { Strings } from '../strings/strings.js';
import { checkIcon, warningIcon } from '../styles/icons.js';
import { noticeActions } from '../views/notice-view.js';

/** The footer's live region: the result of the last action, with what it offers next. */
export function messageView(actions: WidgetActions, pending: boolean, s: Strings): TemplateResult {
  const shown = actions.notice;
  const icon = shown?.tone === 'error' ? warningIcon : shown?.tone === 'success' ? checkIcon : nothing;
  const spinner = pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing;
  return html`<div class="messages">
    <p class="message ${shown?.tone ?? ''}" part="message" role="status">
      ${shown ? html`${spinner}${icon}<span>${shown.text}</span>` : nothing}
    </p>
    ${noticeActions(shown, s, actions, 'quiet')}
  </div>`;
}

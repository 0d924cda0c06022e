import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Connection } from '../api/types.js';
import type { Strings } from '../strings/strings.js';

/**
 * The one way a failing connection is shown, shared by `<reconnect-banner>` and the card's
 * inline failure: the account, the endpoint's message (as text), a red Re-connect, and a
 * wrap-around previous / next when several accounts fail.
 */
export interface FailureViewOptions {
  /** Every failing connection, in the store's order. */
  failures: readonly Connection[];
  /** Index of the one shown. */
  index: number;
  strings: Strings;
  /** A re-connect pop-up for the shown connection is open. */
  pending: boolean;
  /** Name the account (the banner's title already does when a single one fails). */
  showAccount: boolean;
  onReconnect(connection: Connection): void;
  onNavigate(index: number): void;
  /** More actions after Re-connect (the banner's "Open connection settings"). */
  actions?: TemplateResult;
  /** What to say of a connection (default: the endpoint's error message); the tone of Re-connect. */
  message?: (connection: Connection) => string;
  tone?: 'danger' | 'warning';
  /** What follows the buttons' texts in their accessible names (see notice-view.ts). */
  ofSource?: string;
}

// Points to the inline end; mirrored under RTL by the styles below.
const chevron = (direction: 'previous' | 'next') =>
  html`<svg class="glyph chevron ${direction}" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${svg`<path d="m5.6 2.4-1.2 1.2L8.8 8l-4.4 4.4 1.2 1.2L11.2 8 5.6 2.4Z"/>`}
  </svg>`;

/** Failure texts longer than this may be cut (see `.clamp`) and get a tooltip. */
const LONG_FAILURE = 200;

/** Which failure to show: the one picked before while it still fails, else the first. */
export function failureIndex(failures: readonly Connection[], pickedId: string | undefined): number {
  return Math.max(0, failures.findIndex((c) => c.id === pickedId));
}

export function failureView(options: FailureViewOptions): TemplateResult {
  const { failures, index, strings: s, pending } = options;
  const current = failures[index]!;
  const count = failures.length;
  const step = (delta: number) => options.onNavigate((index + delta + count) % count);
  const message = options.message ? options.message(current) : (current.error?.message ?? '');
  const account = options.showAccount ? current.accountName : '';
  const of = options.ofSource ?? '';
  // Cut after a few lines when long (a 10,000-character name), with the whole text on hover.
  const long = account.length + message.length > LONG_FAILURE;
  return html`<div class="failure" part="failure" data-connection=${current.id}>
    <p class="failure-text ${long ? 'clamp' : ''}" title=${ifDefined(long ? [account, message].filter(Boolean).join(' — ') : undefined)}>
      ${account ? html`<strong class="data" part="failure-account">${account}</strong>` : nothing}
      ${message ? html`<span class="data" part="failure-message">${message}</span>` : nothing}
    </p>
    <div class="failure-actions">
      <button
        class="${options.tone ?? 'danger'} reconnect"
        part="button reconnect-button"
        data-prefetch="authorization"
        aria-label=${s.reconnectLabel(current.accountName) + of}
        aria-busy=${pending ? 'true' : 'false'}
        @click=${() => options.onReconnect(current)}
      >
        ${pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.reconnect}
      </button>
      ${options.actions ?? nothing}
      ${count > 1
        ? html`<div class="pager" part="pager" role="group" aria-label=${s.failureNavigation}>
            <button class="quiet icon" aria-label=${s.previousFailure + of} @click=${() => step(-1)}>
              ${chevron('previous')}
            </button>
            <span class="position">${s.failurePosition(index + 1, count)}</span>
            <button class="quiet icon" aria-label=${s.nextFailure + of} @click=${() => step(1)}>
              ${chevron('next')}
            </button>
          </div>`
        : nothing}
    </div>
  </div>`;
}

export const failureStyles = css`
  .failure {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-width: 0;
  }
  .failure-text {
    --_lines: 4;
    margin: 0;
  }
  .failure-text strong {
    margin-inline-end: calc(0.375 * var(--_rem));
  }
  /* The name and the message each in the direction of their own first letter (as the strings'
     FSI marks do), so an English message in a right-to-left page keeps its full stop at its end.
     Inline here, so nothing changes alignment. */
  .failure-text .data {
    unicode-bidi: plaintext;
  }
  .failure-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .pager {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.25 * var(--_rem));
    margin-inline-start: auto;
  }
  .position {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .chevron.previous {
    transform: scaleX(-1);
  }
  :host(:dir(rtl)) .chevron.previous {
    transform: none;
  }
  :host(:dir(rtl)) .chevron.next {
    transform: scaleX(-1);
  }
`;

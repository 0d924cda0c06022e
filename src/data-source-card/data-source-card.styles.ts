import { css } from 'lit';

/**
 * Card-level properties map to private ones (`--_card-*`) on top of the shared tokens. Only
 * logical properties, so the layout mirrors under `dir="rtl"`.
 */
export const cardStyles = css`
  :host {
    --_card-padding: var(--dsw-card-padding, calc(var(--_space) * 2));
    --_card-background: var(--dsw-card-background, var(--_surface));
    --_card-border: var(--dsw-card-border, 1px solid var(--_border));
    --_card-shadow: var(--dsw-card-shadow, none);
    --_logo-size: var(--dsw-card-logo-size, calc(2.5 * var(--_rem)));
    display: block;
    /* The height of the header alone (the smallest card): holds the card's place while its first
       render waits for the data, so the page does not shift when it comes. */
    min-block-size: calc(var(--_logo-size) + 2 * var(--_card-padding) + 2px);
  }
  :host([hidden]) {
    display: none;
  }
  /* Inline-level, the full width: a decoration from an ancestor (a host wrapping the card in a
     link or <u>) does not reach into an inline block. */
  .card {
    box-sizing: border-box;
    display: inline-block;
    inline-size: 100%;
    vertical-align: top;
    block-size: 100%;
    padding: var(--_card-padding);
    background: var(--_card-background);
    border: var(--_card-border);
    border-radius: var(--_radius);
    box-shadow: var(--_card-shadow);
    color: var(--_text);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }
  .logo {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_logo-size);
    block-size: var(--_logo-size);
    overflow: hidden;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface-alt);
    color: var(--_muted);
    font-weight: 700;
  }
  .logo img,
  ::slotted([slot='logo']) {
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
  }
  /* Takes the room left beside the logo and the button; the button moves under it only on
     cards too narrow for a readable name. */
  .info {
    flex: 1 1 0;
    min-inline-size: calc(7 * var(--_rem));
  }
  .name {
    --_lines: 2;
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.25;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: calc(0.25 * var(--_rem));
    margin: 0;
    color: var(--_muted);
    line-height: 1.4;
  }
  .summary .glyph {
    color: var(--_danger);
  }
  .summary .expiring {
    display: contents;
  }
  .summary .expiring .glyph {
    color: var(--_warning);
  }
  .actions {
    /* Shrinks (its button's label wraps) only when alone on a line too narrow for it. */
    flex: 0 1 auto;
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-inline-start: auto;
  }
  /* Quiet on purpose: the data shown is still usable, only maybe out of date. */
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_space);
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.875em;
    line-height: 1.4;
  }
  .stale button {
    min-block-size: 2em;
    padding-block: 0;
    padding-inline: 0.5em;
    text-decoration: underline;
  }
  .failures {
    margin-block-start: calc(var(--_space) * 1.5);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_danger);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_danger-surface);
  }
  .notice[data-tone] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 1.5);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .notice-text {
    flex: 1 1 calc(12 * var(--_rem));
    margin: 0;
    overflow-wrap: anywhere;
  }
  .notice[data-tone='error'] .notice-text::before {
    content: '';
    display: inline-block;
    inline-size: calc(0.5 * var(--_rem));
    block-size: calc(0.5 * var(--_rem));
    margin-inline-end: calc(0.375 * var(--_rem));
    border-radius: 50%;
    background: var(--_danger);
  }
  .skeleton {
    display: inline-block;
    vertical-align: middle;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_skeleton);
  }
  /* One pulse per card, not per bar (a page of cards starts hundreds of animations otherwise),
     and only for a load that takes a while (the delay); none once it is slow, where Retry stands in
     the button's place. */
  .header:has(.skeleton.button) {
    animation: pulse 1.6s ease-in-out 0.4s infinite;
  }
  .skeleton.line {
    block-size: 0.85em;
  }
  /* Widths in the stylesheet, not inline: pages with a strict CSP block style attributes. */
  .skeleton.name {
    inline-size: 8em;
  }
  .skeleton.summary {
    inline-size: 6em;
  }
  .skeleton.button {
    block-size: calc(2 * var(--_rem));
    inline-size: calc(8.5 * var(--_rem));
    border-radius: var(--_radius);
  }
  .card[aria-busy='true'] .logo {
    background: var(--_skeleton);
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .header:has(.skeleton.button) {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .card {
      border: 1px solid CanvasText;
    }
    .skeleton,
    .card[aria-busy='true'] .logo {
      background: GrayText;
    }
    .failures {
      border: 1px solid CanvasText;
      border-inline-start-width: 3px;
    }
    .summary .glyph {
      color: CanvasText;
    }
  }
`;

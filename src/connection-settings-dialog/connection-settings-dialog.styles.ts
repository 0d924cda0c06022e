import { css, unsafeCSS } from 'lit';

/**
 * Layout in logical properties (right-to-left works unchanged); state is never shown by colour
 * alone (icons and words); forced-colors keeps borders, badges and placeholders visible.
 *
 * The table has a fixed layout with explicit column widths: the rows rendered change as it
 * scrolls (windowed-rows.ts), and widths taken from their content would jump with them. The
 * account column takes the rest; the date headers wrap when the dialog is narrow. The body does
 * no scroll anchoring: the windowed rows place themselves, and anchoring would fight their
 * spacers. (Comments here rather than in the CSS, which ships as written.)
 */
// The sort mark is a triangle drawn with borders: forced colours would paint its transparent
// sides too, and a box points nowhere (its colours there are system ones already). Through
// unsafeCSS, a constant, because lit-analyzer's CSS data predates `forced-color-adjust`.
const sortMarkKeepsItsShape = unsafeCSS('.sort-mark { forced-color-adjust: none; }');

export const dialogStyles = css`
  :host {
    display: contents;
    --_dialog-inline-size: var(--dsw-dialog-inline-size, min(calc(64 * var(--_rem)), 100vw - calc(2 * var(--_rem))));
    --_dialog-max-block-size: var(--dsw-dialog-max-block-size, min(calc(48 * var(--_rem)), 100dvh - calc(2 * var(--_rem))));
    --_backdrop: var(--dsw-color-backdrop, rgb(17 24 39 / 0.5));
    /* One row height for real and placeholder rows: nothing jumps when data arrives. */
    --_row-block-size: calc(3.25 * var(--_rem));
  }

  dialog {
    box-sizing: border-box;
    inline-size: var(--_dialog-inline-size);
    max-inline-size: 100vw;
    max-block-size: var(--_dialog-max-block-size);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    box-shadow: 0 calc(1.5 * var(--_rem)) calc(3 * var(--_rem)) rgb(0 0 0 / 0.25);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }

  header,
  footer {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
  }
  header {
    border-block-end: 1px solid var(--_border);
  }
  footer {
    border-block-start: 1px solid var(--_border);
    flex-wrap: wrap;
  }
  h2 {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: calc(1.125 * var(--_rem));
    line-height: 1.3;
  }
  .logo {
    inline-size: calc(1.75 * var(--_rem));
    block-size: calc(1.75 * var(--_rem));
    object-fit: contain;
  }
  #add {
    margin-inline-start: auto;
  }

  .body {
    flex: 1;
    min-block-size: calc(var(--_row-block-size) * 4 + calc(3 * var(--_rem)));
    overflow: auto;
    overflow-anchor: none;
    padding: var(--_space) calc(var(--_space) * 2);
  }

  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block: var(--_space);
  }
  .filter label {
    font-weight: 600;
  }
  /* The filter, and the selection step's search and main-account choice. */
  .filter input,
  .selection-tools input,
  .main-choice select {
    box-sizing: border-box;
    min-block-size: calc(2 * var(--_rem));
    inline-size: min(calc(18 * var(--_rem)), 100%);
    padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .count {
    color: var(--_muted);
  }

  table {
    inline-size: 100%;
    min-inline-size: calc(46 * var(--_rem));
    table-layout: fixed;
    border-collapse: collapse;
  }
  col.col-status {
    inline-size: calc(5.5 * var(--_rem));
  }
  col.col-id {
    inline-size: calc(7 * var(--_rem));
  }
  col.col-created,
  col.col-updated {
    inline-size: max(calc(7.5 * var(--_rem)), 15%);
  }
  col.col-actions {
    inline-size: calc(8.5 * var(--_rem));
  }
  tbody tr.spacer {
    block-size: 0;
  }
  .spacer td {
    padding: 0;
    border: 0;
  }
  th,
  td {
    overflow-wrap: break-word;
    padding: calc(0.375 * var(--_rem)) calc(var(--_space) * 0.75);
    text-align: start;
    vertical-align: middle;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-alt);
    font-weight: 600;
    padding-block: calc(0.125 * var(--_rem));
    overflow-wrap: anywhere;
  }
  tbody tr {
    block-size: var(--_row-block-size);
  }
  tbody th {
    font-weight: 400;
  }
  /* A row's control brought into view (Tab, arrow keys, a screen reader) brings its whole row:
     below the sticky header (the scroll padding, windowed-rows.ts) with the row's own margin. */
  tbody :is(button, time) {
    scroll-margin-block: calc((var(--_row-block-size) - 1.5 * var(--_rem)) / 2);
  }
  tr.failing {
    background: var(--_danger-surface);
  }

  button.sort {
    padding-inline: calc(0.25 * var(--_rem));
    font-weight: 600;
    color: inherit;
  }
  .sort-mark {
    inline-size: calc(0.5 * var(--_rem));
    block-size: calc(0.5 * var(--_rem));
  }
  .sort-mark.ascending,
  .sort-mark.descending {
    border-inline: calc(0.3 * var(--_rem)) solid transparent;
    inline-size: 0;
    block-size: 0;
  }
  .sort-mark.ascending {
    border-block-end: calc(0.4 * var(--_rem)) solid currentColor;
  }
  .sort-mark.descending {
    border-block-start: calc(0.4 * var(--_rem)) solid currentColor;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: calc(0.25 * var(--_rem));
    font-weight: 600;
    white-space: nowrap;
  }
  .status.active {
    color: var(--_success);
  }
  .status.expiring {
    color: var(--_warning);
  }
  /* The word in the text colour (the danger red fails 4.5:1 on the dark error tint); the icon,
     a graphic, needs 3:1 and keeps the red. */
  .status.error svg,
  .message.error svg,
  .stale svg,
  .load-error svg {
    color: var(--_danger);
  }
  /* In the direction of its own first letter: an English message in a right-to-left page keeps
     its full stop at its end (and, a paragraph of its own, aligns to its own start). */
  .reason {
    unicode-bidi: plaintext;
    display: block;
    min-inline-size: min(11.0769em, 100%);
    max-inline-size: 27.0769em;
    margin-block-start: 0.1538em;
    font-size: calc(0.8125 * var(--_rem));
    color: var(--_text);
  }

  .account-name {
    --_lines: 2;
    font-weight: 600;
  }
  .account-name:not(.clamp) {
    display: block;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3333em;
    font-size: calc(0.75 * var(--_rem));
  }
  .badge.main {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .badge.main svg.glyph {
    inline-size: 1em;
    block-size: 1em;
  }
  .badge.secondary,
  td.col-id,
  .never {
    color: var(--_muted);
  }
  .col-id {
    font-variant-numeric: tabular-nums;
  }

  time {
    border-block-end: 1px dotted currentColor;
    cursor: help;
    white-space: nowrap;
  }
  .tooltip {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: 24.6154em;
    padding: 0.3077em 0.6154em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_text);
    color: var(--_surface);
    font-size: calc(0.8125 * var(--_rem));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: calc(0.25 * var(--_rem));
  }
  .col-actions {
    white-space: nowrap;
  }

  .skeleton {
    display: block;
    block-size: calc(0.75 * var(--_rem));
    inline-size: 70%;
    border-radius: 999px;
    background: var(--_skeleton);
  }
  .no-match,
  .note {
    padding-block: calc(var(--_space) * 2);
    color: var(--_muted);
  }

  .load-error,
  .empty {
    display: grid;
    justify-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 4);
    text-align: center;
  }
  .load-error p,
  .stale,
  .message {
    display: flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
    margin: 0;
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-weight: 600;
  }
  .stale {
    padding: 0.3077em var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    font-size: calc(0.8125 * var(--_rem));
  }
  .stale button {
    min-block-size: 2em;
    padding-block: 0;
  }

  .messages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    flex: 1 1 calc(16 * var(--_rem));
  }
  .message.error {
    font-weight: 600;
  }
  .message.success {
    color: var(--_success);
  }

  .confirm {
    inline-size: min(calc(28 * var(--_rem)), 100vw - calc(2 * var(--_rem)));
    padding: calc(var(--_space) * 2);
  }
  .confirm[open] {
    display: block;
  }
  .confirm h3 {
    margin: 0 0 var(--_space);
    font-size: calc(1 * var(--_rem));
  }
  .confirm p {
    --_lines: 6;
    overflow-wrap: anywhere;
  }
  .confirm-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
  }

  @media (forced-colors: active) {
    .skeleton {
      border: 1px solid GrayText;
    }
    .badge.main,
    .stale,
    .tooltip {
      border-color: CanvasText;
    }
    .tooltip {
      background: Canvas;
      color: CanvasText;
    }
    ${sortMarkKeepsItsShape}
    .sort-mark.ascending {
      border-block-end-color: ButtonText;
    }
    .sort-mark.descending {
      border-block-start-color: ButtonText;
    }
  }
`;

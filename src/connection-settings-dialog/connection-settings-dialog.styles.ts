import { css } from 'lit';

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
export const dialogStyles = css`
  :host {
    display: contents;
    --_dialog-inline-size: var(--dsw-dialog-inline-size, min(64rem, 100vw - 2rem));
    --_dialog-max-block-size: var(--dsw-dialog-max-block-size, min(48rem, 100dvh - 2rem));
    --_backdrop: var(--dsw-color-backdrop, rgb(17 24 39 / 0.5));
    /* One row height for real and placeholder rows: nothing jumps when data arrives. */
    --_row-block-size: 3.25rem;
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
    box-shadow: 0 1.5rem 3rem rgb(0 0 0 / 0.25);
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
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }
  .logo {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    object-fit: contain;
  }
  #add {
    margin-inline-start: auto;
  }

  .body {
    flex: 1;
    min-block-size: calc(var(--_row-block-size) * 4 + 3rem);
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
  .filter input {
    box-sizing: border-box;
    min-block-size: 2rem;
    inline-size: min(18rem, 100%);
    padding: 0.25rem 0.5rem;
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
    min-inline-size: 46rem;
    table-layout: fixed;
    border-collapse: collapse;
  }
  col.col-status {
    inline-size: 5.5rem;
  }
  col.col-id {
    inline-size: 7rem;
  }
  col.col-created,
  col.col-updated {
    inline-size: max(7.5rem, 15%);
  }
  col.col-actions {
    inline-size: 8.5rem;
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
    padding: 0.375rem calc(var(--_space) * 0.75);
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
    padding-block: 0.125rem;
    overflow-wrap: anywhere;
  }
  tbody tr {
    block-size: var(--_row-block-size);
  }
  tbody th {
    font-weight: 400;
  }
  tr.failing {
    background: var(--_danger-surface);
  }

  button.sort {
    padding-inline: 0.25rem;
    font-weight: 600;
    color: inherit;
  }
  .sort-mark {
    inline-size: 0.5rem;
    block-size: 0.5rem;
  }
  .sort-mark.ascending,
  .sort-mark.descending {
    border-inline: 0.3rem solid transparent;
    inline-size: 0;
    block-size: 0;
  }
  .sort-mark.ascending {
    border-block-end: 0.4rem solid currentColor;
  }
  .sort-mark.descending {
    border-block-start: 0.4rem solid currentColor;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .status.active {
    color: var(--_success);
  }
  /* The word in the text colour (the danger red fails 4.5:1 on the dark error tint); the icon,
     a graphic, needs 3:1 and keeps the red. */
  .status.error svg,
  .message.error svg,
  .stale svg,
  .load-error svg {
    color: var(--_danger);
  }
  .reason {
    display: block;
    min-inline-size: 9rem;
    max-inline-size: 22rem;
    margin-block-start: 0.125rem;
    font-size: 0.8125rem;
    color: var(--_text);
  }

  .account-name {
    display: block;
    font-weight: 600;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    font-size: 0.75rem;
  }
  .badge.main {
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .badge.main svg.glyph {
    inline-size: 0.75rem;
    block-size: 0.75rem;
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
    max-inline-size: 20rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_text);
    color: var(--_surface);
    font-size: 0.8125rem;
    pointer-events: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: 0.25rem;
  }
  .col-actions {
    white-space: nowrap;
  }

  .skeleton {
    display: block;
    block-size: 0.75rem;
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
    gap: 0.375rem;
    margin: 0;
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    font-weight: 600;
  }
  .stale {
    padding: 0.25rem var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    font-size: 0.8125rem;
  }
  .stale button {
    min-block-size: 1.5rem;
    padding-block: 0;
  }

  .messages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    flex: 1 1 16rem;
  }
  .message.error {
    font-weight: 600;
  }
  .message.success {
    color: var(--_success);
  }

  .confirm {
    inline-size: min(28rem, 100vw - 2rem);
    padding: calc(var(--_space) * 2);
  }
  .confirm[open] {
    display: block;
  }
  .confirm h3 {
    margin: 0 0 var(--_space);
    font-size: 1rem;
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
    .sort-mark.ascending {
      border-block-end-color: ButtonText;
    }
    .sort-mark.descending {
      border-block-start-color: ButtonText;
    }
  }
`;

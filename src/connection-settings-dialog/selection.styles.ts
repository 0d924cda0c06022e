import { css } from 'lit';

/**
 * The account selection step. Every row is one line (long names are cut with an ellipsis and
 * read whole by assistive technology), so that one measured height places the windowed rows.
 * The list scrolls on its own, within the dialog's body, with its actions always below it.
 */
export const selectionStyles = css`
  /* Add makes way for the step's own buttons (buttons are display: inline-flex, over [hidden]). */
  #add[hidden] {
    display: none;
  }
  .selection {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding-block: var(--_space);
  }
  .selection h3 {
    margin: 0;
    font-size: calc(1 * var(--_rem));
  }
  .selection h3:focus {
    outline: none;
  }
  .selection p {
    margin: 0;
  }
  .selection-tools,
  .selection-head,
  .main-choice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .selection-tools label,
  .main-choice label {
    font-weight: 600;
  }
  .select-all {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-block-size: calc(2 * var(--_rem));
    font-weight: 600;
  }
  .selection-head .count {
    margin-inline-start: auto;
  }
  .picks {
    max-block-size: min(calc(20 * var(--_rem)), 40vh);
    overflow: auto;
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .picks ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .pick {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: var(--_space);
    block-size: calc(2.75 * var(--_rem));
    padding-inline: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .picks li:last-child {
    border-block-end: 0;
  }
  .pick:has(input:checked) {
    background: var(--_surface-alt);
  }
  .pick input,
  .select-all input {
    flex: none;
    inline-size: calc(1.125 * var(--_rem));
    block-size: calc(1.125 * var(--_rem));
    margin: 0;
  }
  .pick label {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    align-items: baseline;
    gap: var(--_space);
    white-space: nowrap;
    cursor: pointer;
  }
  .pick-name {
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 600;
  }
  .pick-id {
    flex: none;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .badge.connected {
    flex: none;
    margin-inline-start: auto;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
  }
  .selection .no-match {
    padding: var(--_space);
  }
  .selection .problem {
    display: flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
    color: var(--_danger);
  }
  .selection-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }

  @media (forced-colors: active) {
    .pick:has(input:checked) {
      outline: 1px solid Highlight;
      outline-offset: -1px;
    }
  }
`;

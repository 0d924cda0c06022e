import { css } from 'lit';

/** The Links and History views, and what they add to rows and the footer. */
export const panelStyles = css`
  .back {
    margin-block-end: var(--_space);
  }
  .panel-title {
    margin: 0 0 var(--_space);
    font-size: calc(1 * var(--_rem));
  }
  .panel-title:focus {
    outline: none;
  }
  .panel-title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .intro {
    margin: 0 0 calc(var(--_space) * 1.5);
    color: var(--_muted);
  }
  .link-form,
  .created {
    display: grid;
    gap: calc(0.25 * var(--_rem));
    max-inline-size: calc(32 * var(--_rem));
  }
  .link-form label,
  .created label {
    font-weight: 600;
    margin-block-start: calc(0.5 * var(--_rem));
  }
  .link-form input,
  .link-form textarea,
  .link-form select,
  .created input,
  .history select {
    box-sizing: border-box;
    min-block-size: calc(2 * var(--_rem));
    padding: calc(0.25 * var(--_rem)) calc(0.5 * var(--_rem));
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .created-text {
    display: flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  .pending-title,
  .day-title {
    margin: calc(var(--_space) * 2) 0 calc(var(--_space) * 0.5);
    font-size: calc(0.9375 * var(--_rem));
  }
  .pending,
  .events {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .pending li,
  .events li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(0.25 * var(--_rem)) var(--_space);
    padding-block: calc(0.5 * var(--_rem));
    border-block-end: 1px solid var(--_border);
  }
  .link-text {
    display: grid;
    flex: 1 1 calc(16 * var(--_rem));
  }
  .link-who,
  .event-text {
    font-weight: 600;
  }
  .event-text {
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
  }
  .events li.failing .glyph {
    color: var(--_danger);
  }
  .link-dates,
  .link-note,
  .event-by,
  .events time,
  .by {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_rem));
  }
  .events time {
    margin-inline-start: auto;
  }
  .events .reason {
    flex-basis: 100%;
    max-inline-size: none;
  }
  .by {
    display: block;
  }
  .what {
    min-block-size: calc(1.5 * var(--_rem));
    padding: 0 calc(0.25 * var(--_rem));
    font-size: calc(0.8125 * var(--_rem));
    text-decoration: underline;
  }
  .history-more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .load-error-line {
    display: flex;
    align-items: center;
    gap: calc(0.375 * var(--_rem));
  }
`;

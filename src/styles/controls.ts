import { css } from 'lit';

/**
 * Buttons, focus ring, visually-hidden text and the spinner shared by every element.
 * Targets are at least 32 px high (WCAG 2.2 asks 24); forced-colors keeps borders visible.
 */
export const controls = css`
  /* Text from the endpoint (names, IDs, messages): isolated from the text around it, so no
     direction mark inside can reorder it, and wrapped anywhere, so no unbroken name widens a box. */
  .data {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  /* Cut after --_lines lines (a 10,000-character name, say); the whole text stays in the
     accessibility tree, and in a title where it is shown. */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines, 3);
    overflow: hidden;
  }
  button,
  .button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(0.375 * var(--_rem));
    min-height: calc(2 * var(--_rem));
    min-width: calc(2 * var(--_rem));
    /* Never wider than the room it has: at 200 % text on a narrow screen a label wraps, a word
       too long for any line breaks, rather than running past the widget's edge. */
    max-inline-size: 100%;
    overflow-wrap: anywhere;
    padding: calc(0.375 * var(--_rem)) calc(0.875 * var(--_rem));
    border: 1px solid transparent;
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  .button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
  }
  .settings {
    background: var(--_settings);
    color: var(--_on-settings);
    border-color: var(--_settings);
  }
  .danger {
    background: var(--_danger);
    color: var(--_on-danger);
    border-color: var(--_danger);
  }
  /* Calmer than danger: outlined, for what still works but needs doing soon (an expiry). */
  button.warning {
    border-color: var(--_warning);
  }
  .quiet {
    background: transparent;
    border-color: transparent;
  }
  .icon {
    padding: calc(0.25 * var(--_rem));
  }
  svg.glyph {
    width: calc(1 * var(--_rem));
    height: calc(1 * var(--_rem));
    flex: none;
    fill: currentColor;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  /* Reduced motion: no animation at all. The spinner stays as a still ring beside the text that
     says what is going on (every busy button keeps its label, and the widgets say it in words). */
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: currentColor;
      opacity: 0.6;
    }
  }
  @media (forced-colors: active) {
    button,
    .button {
      border-color: ButtonText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

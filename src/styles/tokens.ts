import { css, unsafeCSS } from 'lit';

// The widgets take the `color-scheme` of the page around them (it is inherited), and so go dark
// only inside a page, or a part of it, that declared it can be dark (`color-scheme: light dark`
// or `dark`). A host page that never did is light, and its white-label backgrounds likely are
// too: dark-mode text on them would be unreadable, whatever the OS prefers. `theme` overrides.
// lit-analyzer's CSS data predates `color-scheme` and warns on it: these constant rules (never
// data) go through unsafeCSS to keep the lint output clean.
const colorScheme = unsafeCSS(`
  :host([theme='light']) { color-scheme: light; }
  :host([theme='dark']) { color-scheme: dark; }
`);

/**
 * Public theme properties (`--dsw-*`, set by the host on any ancestor) mapped to private ones
 * (`--_*`) that the elements' styles use. Defaults meet WCAG 2.2 AA contrast in light and dark.
 * Each default is a `light-dark()` pair picked by `color-scheme`: the host page's (the OS
 * preference where the page declares `color-scheme: light dark`), or `theme="light"` /
 * `theme="dark"` on the element (which also styles native controls).
 */
export const tokens = [
  colorScheme,
  css`
  :host {
    --_font: var(--dsw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--dsw-font-size, 0.875em);
    /* What a rem would be at the default text size, in the user's font size rather than the page's
       root one (a host's html { font-size: 62.5% } must not shrink the widgets). Used inside .root. */
    --_rem: calc(1em / 0.875);
    --_radius: var(--dsw-radius, 8px);
    --_space: var(--dsw-space, calc(0.5 * var(--_rem)));
    --_surface: var(--dsw-color-surface, light-dark(#ffffff, #111827));
    --_surface-alt: var(--dsw-color-surface-alt, light-dark(#f3f4f6, #1f2937));
    --_text: var(--dsw-color-text, light-dark(#111827, #f9fafb));
    --_muted: var(--dsw-color-text-muted, light-dark(#4b5563, #d1d5db));
    --_border: var(--dsw-color-border, light-dark(#d1d5db, #4b5563));
    --_primary: var(--dsw-color-primary, light-dark(#1d4ed8, #2563eb));
    --_on-primary: var(--dsw-color-on-primary, #ffffff);
    --_settings: var(--dsw-color-settings, light-dark(#be185d, #db2777));
    --_on-settings: var(--dsw-color-on-settings, #ffffff);
    --_danger: var(--dsw-color-danger, light-dark(#b91c1c, #dc2626));
    --_on-danger: var(--dsw-color-on-danger, #ffffff);
    --_danger-surface: var(--dsw-color-danger-surface, light-dark(#fef2f2, #450a0a));
    --_success: var(--dsw-color-success, light-dark(#047857, #34d399));
    --_warning: var(--dsw-color-warning, light-dark(#b45309, #fbbf24));
    --_focus: var(--dsw-color-focus, light-dark(#2563eb, #93c5fd));
    /* A width, not a colour: high-contrast themes want a thicker ring (WCAG 2.4.13). */
    --_focus-width: var(--dsw-focus-ring-width, 2px);
    --_skeleton: var(--dsw-color-skeleton, light-dark(#e5e7eb, #374151));
    /* The page's universal and element rules reach the host element, and through it, by
       inheritance, everything inside. !important here wins over the page's, even its own
       !important, so the text and the box inside stay as designed; hosts style the widgets
       through the --dsw-* properties and ::part(). */
    font-family: var(--_font) !important;
    font-size: medium !important;
    font-style: normal !important;
    font-weight: 400 !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    line-height: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-decoration: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    color: var(--_text) !important;
    padding: 0 !important;
    border: 0 !important;
    box-sizing: content-box !important;
  }
  /* Forced colours replace the text colour, but Chromium resolves -webkit-text-fill-color (which
     paints text, and which axe reads) from the author's colour: a dark theme's near-white text
     would then stand on the high-contrast theme's white Canvas. The system colour itself, so
     that every way of reading the colour agrees. */
  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_success: CanvasText;
      --_warning: CanvasText;
    }
  }
  /* The outermost elements inside: the text size, from the user's font size (medium), not the
     page's root font size. */
  .root {
    font-size: var(--_font-size);
  }
`,
];

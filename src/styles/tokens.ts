import { css } from 'lit';

const dark = css`
    --_surface: var(--dsw-color-surface, #111827);
    --_surface-alt: var(--dsw-color-surface-alt, #1f2937);
    --_text: var(--dsw-color-text, #f9fafb);
    --_muted: var(--dsw-color-text-muted, #d1d5db);
    --_border: var(--dsw-color-border, #4b5563);
    --_primary: var(--dsw-color-primary, #2563eb);
    --_settings: var(--dsw-color-settings, #db2777);
    --_danger: var(--dsw-color-danger, #dc2626);
    --_danger-surface: var(--dsw-color-danger-surface, #450a0a);
    --_success: var(--dsw-color-success, #34d399);
    --_focus: var(--dsw-color-focus, #93c5fd);
    --_skeleton: var(--dsw-color-skeleton, #374151);
`;

/**
 * Public theme properties (`--dsw-*`, set by the host on any ancestor) mapped to private ones
 * (`--_*`) that the elements' styles use. Defaults meet WCAG 2.2 AA contrast in light and dark.
 * Dark applies with `theme="dark"`, or with the OS preference unless `theme="light"`.
 */
export const tokens = css`
  :host {
    --_font: var(--dsw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--dsw-font-size, 0.875rem);
    --_radius: var(--dsw-radius, 8px);
    --_space: var(--dsw-space, 0.5rem);
    --_surface: var(--dsw-color-surface, #ffffff);
    --_surface-alt: var(--dsw-color-surface-alt, #f3f4f6);
    --_text: var(--dsw-color-text, #111827);
    --_muted: var(--dsw-color-text-muted, #4b5563);
    --_border: var(--dsw-color-border, #d1d5db);
    --_primary: var(--dsw-color-primary, #1d4ed8);
    --_on-primary: var(--dsw-color-on-primary, #ffffff);
    --_settings: var(--dsw-color-settings, #be185d);
    --_on-settings: var(--dsw-color-on-settings, #ffffff);
    --_danger: var(--dsw-color-danger, #b91c1c);
    --_on-danger: var(--dsw-color-on-danger, #ffffff);
    --_danger-surface: var(--dsw-color-danger-surface, #fef2f2);
    --_success: var(--dsw-color-success, #047857);
    --_focus: var(--dsw-color-focus, #2563eb);
    --_skeleton: var(--dsw-color-skeleton, #e5e7eb);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
`;

import { css } from 'lit';

/** Banner-level properties map to private ones (`--_banner-*`); logical properties only (RTL). */
export const bannerStyles = css`
  :host {
    --_banner-background: var(--dsw-banner-background, var(--_danger-surface));
    --_banner-border-color: var(--dsw-banner-border-color, var(--_danger));
    --_banner-padding: var(--dsw-banner-padding, calc(var(--_space) * 1.5));
    /* Nothing but an empty, visually hidden live region while it has nothing to say. */
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /* Inline-level, the full width: a decoration from an ancestor (a link, <u>) stops here. */
  .banner {
    box-sizing: border-box;
    display: inline-flex;
    inline-size: 100%;
    vertical-align: top;
    align-items: flex-start;
    gap: calc(var(--_space) * 1.5);
    padding: var(--_banner-padding);
    background: var(--_banner-background);
    border: 1px solid var(--_banner-border-color);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    color: var(--_text);
  }
  .warning {
    flex: none;
    display: flex;
    padding-block-start: calc(0.125 * var(--_rem));
    color: var(--_danger);
  }
  /* Expiring soon: calmer than a failure, the warning colour on the page's own surface. */
  .banner.expiring {
    background: var(--_surface);
    border-color: var(--_warning);
  }
  .expiring .warning {
    color: var(--_warning);
  }
  .body {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .source {
    display: block;
    font-size: 0.875em;
    font-weight: 500;
    color: var(--_muted);
  }
  .link {
    padding-inline: calc(0.5 * var(--_rem));
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
  }
  .notice p {
    flex: 1 1 calc(12 * var(--_rem));
    margin: 0;
    overflow-wrap: anywhere;
  }
  .dismiss {
    flex: none;
    margin-inline-start: auto;
  }
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
    .warning {
      color: CanvasText;
    }
  }
`;

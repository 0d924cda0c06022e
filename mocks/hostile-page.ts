// The stylesheet of a host page that does everything a page should not: universal and element
// rules, !important, a 10px root font size. One copy for the host-page test and its story.

/**
 * The hostile stylesheet, its universal and element rules under `scope` (a selector of the
 * region it applies to, e.g. `.hostile`; empty for the whole page). The `html` rule cannot be
 * scoped: a story using it needs a frame of its own.
 */
export function hostileStylesheet(scope = ''): string {
  const within = (selectors: string) =>
    selectors
      .split(',')
      .map((selector) => `${scope} ${selector.trim()}`.trim())
      .join(', ');
  return `
  html { font-size: 10px !important; }
  ${within('*')} {
    font: italic 700 30px/3 serif !important;
    letter-spacing: 3px !important; word-spacing: 9px !important; text-transform: uppercase !important;
    text-align: center !important; text-indent: 20px !important; text-decoration: underline !important;
    white-space: nowrap !important; color: red !important; box-sizing: content-box !important;
    padding: 7px !important; border: 3px solid lime !important;
  }
  ${within('button')} { background: yellow !important; padding: 20px !important; min-width: 300px !important; font-size: 40px !important; }
  ${within('table, td, th')} { border: 5px solid blue !important; padding: 12px !important; }
  ${within('dialog')} { padding: 40px !important; }
`;
}

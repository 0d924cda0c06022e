import { svg } from 'lit';

// Small original glyphs on a 16-unit grid, drawn with currentColor; decorative (aria-hidden),
// the text or label next to them carries the meaning.
const glyph = (path: ReturnType<typeof svg>) =>
  svg`<svg class="glyph" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${path}</svg>`;

export const warningIcon = glyph(svg`<path d="M8 1 15.5 14.5H.5L8 1Zm-.9 5v4.2h1.8V6H7.1Zm0 5.6v1.7h1.8v-1.7H7.1Z"/>`);
export const checkIcon = glyph(svg`<path d="M6.2 11.6 2.6 8l-1.2 1.2 4.8 4.8L14.6 5.6l-1.2-1.2-7.2 7.2Z"/>`);
export const trashIcon = glyph(
  svg`<path d="M6 1h4l.5 1H14v1.6H2V2h3.5L6 1ZM3 5h10l-.8 10H3.8L3 5Zm3 2v6h1.3V7H6Zm2.7 0v6H10V7H8.7Z"/>`,
);
export const starIcon = glyph(svg`<path d="m8 1 2.1 4.4 4.9.6-3.6 3.3.9 4.8L8 11.7l-4.3 2.4.9-4.8L1 6l4.9-.6L8 1Z"/>`);
export const starOutlineIcon = glyph(
  svg`<path d="m8 1 2.1 4.4 4.9.6-3.6 3.3.9 4.8L8 11.7l-4.3 2.4.9-4.8L1 6l4.9-.6L8 1Zm0 3.3-1.2 2.5-2.7.3 2 1.9-.5 2.7L8 10.3l2.4 1.4-.5-2.7 2-1.9-2.7-.3L8 4.3Z"/>`,
);
export const refreshIcon = glyph(
  svg`<path d="M13.6 6.2A6 6 0 1 0 14 9h-1.7A4.4 4.4 0 1 1 11.8 5L9.6 7.2H15V1.8l-1.4 1.4v3Z"/>`,
);
export const closeIcon = glyph(svg`<path d="M3.5 2.3 8 6.8l4.5-4.5 1.2 1.2L9.2 8l4.5 4.5-1.2 1.2L8 9.2l-4.5 4.5-1.2-1.2L6.8 8 2.3 3.5l1.2-1.2Z"/>`);
export const plugIcon = glyph(svg`<path d="M5 1h1.6v3h2.8V1H11v3h1.5v3.2A4.5 4.5 0 0 1 8.8 11.6V15H7.2v-3.4A4.5 4.5 0 0 1 3.5 7.2V4H5V1Z"/>`);
/** An hourglass: time running out (Expiring), apart in shape from the warning triangle of errors. */
export const hourglassIcon = glyph(
  svg`<path d="M3 1h10v1.6h-1v1.9c0 1.5-1 2.7-2.4 3.5C11 8.8 12 10 12 11.5v1.9h1V15H3v-1.6h1v-1.9C4 10 5 8.8 6.4 8 5 7.2 4 6 4 4.5V2.6H3V1Zm2.6 1.6v1.9c0 1 .9 1.9 2.4 2.6 1.5-.7 2.4-1.6 2.4-2.6V2.6H5.6Zm2.4 7c-1.5.7-2.4 1.6-2.4 2.6v1.2h4.8v-1.2c0-1-.9-1.9-2.4-2.6Z"/>`,
);

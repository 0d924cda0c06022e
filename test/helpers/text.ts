/**
 * Text as a user sees or hears it: without the invisible directional isolates (U+2066–U+2069)
 * that keep names and messages from reordering a sentence, whitespace collapsed.
 */
export const visible = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets an element's height through the CSSOM. A `style` attribute would be blocked by a
 * Content-Security-Policy without 'unsafe-inline' for styles; a property set from script is not.
 */
class BlockSize extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('blockSize() goes on an element');
  }

  render(_pixels: number): typeof nothing {
    return nothing;
  }

  private pixels?: number;

  override update(part: ElementPart, [pixels]: [number]): typeof nothing {
    // Only a change: a row's update (a busy flag) must leave the spacers' DOM untouched.
    if (pixels !== this.pixels) (part.element as HTMLElement).style.blockSize = `${pixels}px`;
    this.pixels = pixels;
    return nothing;
  }
}

/** An element's height in pixels, through the CSSOM (also the selection list's spacers). */
export const blockSize = directive(BlockSize);

/** Stands for the rows not rendered between two rendered ones: their height, and nothing to read. */
export const spacerRow = (height: number, columns: number): TemplateResult =>
  html`<tr class="spacer" aria-hidden="true"><td colspan=${columns} ${blockSize(height)}></td></tr>`;

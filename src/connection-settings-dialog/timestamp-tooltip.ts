import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatTimestamp } from '../format/dates.js';

/**
 * One tooltip for every date in the table: it shows the full timestamp of the `<time>` under
 * the pointer or with keyboard focus. One shared element, formatted on demand, keeps rows
 * cheap (no hidden tooltip and no second formatting per cell), and as a popover in the top
 * layer it is never clipped by the scrolling table.
 */
export class TimestampTooltip implements ReactiveController {
  private target?: HTMLTimeElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The tooltip element (a `popover="manual"` with `role="tooltip"`), once rendered. */
    private readonly element: () => HTMLElement | null | undefined,
    private readonly locale: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.shadowRoot;
    root?.addEventListener('focusin', this.onEnter);
    root?.addEventListener('pointerover', this.onEnter);
    root?.addEventListener('focusout', this.onLeave);
    root?.addEventListener('pointerout', this.onLeave);
    // Before the dialog's own Escape (which closes the dialog): a shown tooltip goes first.
    root?.addEventListener('keydown', this.onKeydown, true);
    // Scroll events do not bubble; captured here, they keep the tooltip on its date.
    root?.addEventListener('scroll', this.onScroll, true);
  }

  hostDisconnected(): void {
    this.hide();
  }

  hide(): void {
    const tip = this.element();
    this.target?.removeAttribute('aria-describedby');
    this.target = undefined;
    if (tip?.matches(':popover-open')) tip.hidePopover();
  }

  private readonly onEnter = (event: Event): void => {
    const time = (event.target as Element | null)?.closest?.('time[datetime]');
    if (!(time instanceof HTMLTimeElement) || time === this.target) return;
    const tip = this.element();
    if (!tip) return;
    this.hide();
    this.target = time;
    tip.textContent = formatTimestamp(time.dateTime, this.locale());
    // A table date reads its full timestamp already (rows.ts): a description would repeat it.
    if (!time.querySelector('.full')) time.setAttribute('aria-describedby', tip.id);
    if (!tip.matches(':popover-open')) tip.showPopover();
    place(tip, time);
  };

  private readonly onScroll = (): void => {
    const tip = this.element();
    if (this.target && tip) place(tip, this.target);
  };

  /** Escape dismisses a shown tooltip alone (WCAG 1.4.13), leaving the dialog open. */
  private readonly onKeydown = (event: Event): void => {
    if ((event as KeyboardEvent).key !== 'Escape' || !this.target || event.defaultPrevented) return;
    event.preventDefault();
    this.hide();
  };

  private readonly onLeave = (event: Event): void => {
    if (!this.target) return;
    const next = (event as FocusEvent | PointerEvent).relatedTarget as Node | null;
    // Moving within the date, onto the tooltip, or from the tooltip back to its date keeps it:
    // a tooltip can be hovered (WCAG 1.4.13), to read or select its text.
    const tip = this.element();
    if (next && (this.target.contains(next) || tip?.contains(next))) return;
    // Keyboard focus outlives the pointer leaving, so the focused date keeps its tooltip.
    const focused = this.host.shadowRoot?.activeElement;
    if (event.type === 'pointerout' && focused === this.target) return;
    this.hide();
  };
}

/** Below the date, inside the viewport; physical coordinates, so it works in both directions. */
function place(tip: HTMLElement, anchor: HTMLElement): void {
  const box = anchor.getBoundingClientRect();
  const own = tip.getBoundingClientRect();
  const margin = 4;
  const left = Math.min(Math.max(margin, box.left + box.width / 2 - own.width / 2), innerWidth - own.width - margin);
  const below = box.bottom + margin;
  const top = below + own.height > innerHeight ? box.top - own.height - margin : below;
  tip.style.left = `${Math.max(margin, left)}px`;
  tip.style.top = `${Math.max(margin, top)}px`;
}

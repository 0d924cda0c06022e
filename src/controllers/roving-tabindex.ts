import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingOptions {
  /** The groups that each make one Tab stop (the table's rows). */
  group: string;
  /** The controls inside a group; rendered with `tabindex="-1"`, this controller picks the one at 0. */
  item: string;
  /** The control a group offers to Tab when the user has not been inside it (its first action). */
  preferred: string;
}

/**
 * One Tab stop per group, a roving tabindex inside it: the control the user last focused in the
 * group while they are in it, else its preferred control. Arrow keys move within and between
 * groups (row-keys.ts); Tab leaves the group for the next one. The table stays a table (no
 * `role="grid"`): screen readers keep their table reading commands and browse mode, where every
 * control is reachable whatever its tabindex.
 */
export class RovingTabindex implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RovingOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.shadowRoot?.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('focusin', this.onFocusIn);
  }

  /** Rows just rendered come with every control at -1: give each group its one stop. */
  hostUpdated(): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    const active = root.activeElement;
    for (const group of root.querySelectorAll<HTMLElement>(this.options.group)) {
      const current = active && group.contains(active) && active.matches(this.options.item) ? (active as HTMLElement) : undefined;
      this.settle(group, current);
    }
  }

  /** Makes `current` (default: the preferred control) the group's one stop. */
  private settle(group: HTMLElement, current?: HTMLElement): void {
    const items = group.querySelectorAll<HTMLElement>(this.options.item);
    const stop = current ?? group.querySelector<HTMLElement>(this.options.preferred) ?? items[0];
    for (const item of items) {
      const wanted = item === stop ? 0 : -1;
      // Only a change: an attribute set to its own value still costs a mutation record.
      if (item.tabIndex !== wanted) item.tabIndex = wanted;
    }
  }

  private readonly onFocusIn = (event: Event): void => {
    const target = event.target as HTMLElement;
    const group = target.closest?.<HTMLElement>(this.options.group);
    const previous = (event as FocusEvent).relatedTarget as HTMLElement | null;
    const left = previous?.closest?.<HTMLElement>(this.options.group);
    // The group left goes back to its preferred stop: Shift+Tab into it lands on its first action.
    if (left && left !== group) this.settle(left);
    if (group && target.matches(this.options.item)) this.settle(group, target);
  };
}

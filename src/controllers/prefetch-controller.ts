import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Starts loading the code a button needs as soon as the user points at it or focuses it, so
 * that the click finds it there: the pop-up flow and the settings dialog are not loaded with the
 * page. One delegated listener pair per widget; buttons name what they need in `data-prefetch`,
 * and the controllers that need code register its loader under that name.
 */
export class PrefetchController implements ReactiveController {
  private readonly loaders = new Map<string, () => Promise<unknown>>();

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Loads with `loader` what buttons marked `data-prefetch="<name>"` need. */
  add(name: string, loader: () => Promise<unknown>): this {
    this.loaders.set(name, loader);
    return this;
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('pointerover', this.onIntent);
    this.host.renderRoot.addEventListener('focusin', this.onIntent);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('pointerover', this.onIntent);
    this.host.renderRoot.removeEventListener('focusin', this.onIntent);
  }

  private readonly onIntent = (event: Event): void => {
    const name = (event.target as Element | null)?.closest?.<HTMLElement>('[data-prefetch]')?.dataset.prefetch;
    // A failed load is tried again, and reported, by the click.
    if (name) this.loaders.get(name)?.().catch(() => {});
  };
}

import { createContext } from '@lit/context';
import type { ConnectionStore } from '../store/connection-store.js';
import type { Strings } from '../strings/strings.js';

/** What a provider hands down besides data: text overrides and the locale. */
export interface Localization {
  /** Overrides of any user-visible text; see `Strings`. */
  strings?: Partial<Strings>;
  /** BCP 47 locale for dates and numbers; the browser's when absent. */
  locale?: string;
}

/**
 * All a widget takes from its provider, in one request: the store, the text overrides and the
 * locale. One `context-request` and one subscription per widget instead of one per key: a page
 * of 2,000 cards holds 2,000 of them, not 4,000.
 */
export interface Provided extends Localization {
  store?: ConnectionStore;
}

// Versioned global keys: two copies of this version share a provider; another major does not.
export const storeContext = createContext<ConnectionStore>(Symbol.for('data-source-widgets/store@1'));
export const localizationContext = createContext<Localization>(Symbol.for('data-source-widgets/localization@1'));
/** What the widgets ask for (the two keys above stay provided for the host's own elements). */
export const providedContext = createContext<Provided>(Symbol.for('data-source-widgets/provided@1'));

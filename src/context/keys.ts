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

// Versioned global keys: two copies of this version share a provider; another major does not.
export const storeContext = createContext<ConnectionStore>(Symbol.for('data-source-widgets/store@1'));
export const localizationContext = createContext<Localization>(Symbol.for('data-source-widgets/localization@1'));

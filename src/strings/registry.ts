import { en } from './en.js';
import type { Strings } from './strings.js';

/**
 * The locales the widgets speak. English is built in; the others load on demand (a page in
 * English never downloads them). Hosts add locales or override any text of one with
 * `registerStrings`. Keys are BCP 47 tags; a tag finds its locale by exact match, then by
 * language (`de-AT` → `de`, `pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`), else English.
 */
const bundled: Record<string, () => Promise<Strings>> = {
  de: () => import('./locales/de.js').then((m) => m.de),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  es: () => import('./locales/es.js').then((m) => m.es),
  'pt-BR': () => import('./locales/pt-BR.js').then((m) => m.ptBR),
  ja: () => import('./locales/ja.js').then((m) => m.ja),
  'zh-CN': () => import('./locales/zh-CN.js').then((m) => m.zhCN),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
};

const loaded = new Map<string, Strings>([['en', en as Strings]]);
const loading = new Map<string, Promise<void>>();
const overrides = new Map<string, Partial<Strings>>();
const listeners = new Set<() => void>();
let version = 0;

/** Bumped whenever a locale's texts change (a load, a registration): merged strings compare it. */
export const stringsVersion = (): number => version;

/** Calls `listener` after every change of any locale's texts; returns the unsubscriber. */
export function onStringsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  version++;
  keys.clear();
  for (const listener of [...listeners]) listener();
}

/**
 * Adds a locale, or overrides texts of one (built in or not): `registerStrings('nl', {...})` with
 * every key for a complete new locale (missing keys stay English), `registerStrings('de',
 * { connect: 'Verknüpfen' })` to change one text of German. Widgets showing it re-render.
 */
export function registerStrings(locale: string, strings: Partial<Strings>): void {
  overrides.set(locale, { ...overrides.get(locale), ...strings });
  changed();
}

/** `localeKey`'s answers until the next change of locales: every widget of a page asks it. */
const keys = new Map<string, string>();

/** The key of the locale that serves `tag` (see above). */
export function localeKey(tag: string): string {
  let key = keys.get(tag);
  if (key === undefined) keys.set(tag, (key = findLocaleKey(tag)));
  return key;
}

function findLocaleKey(tag: string): string {
  const known = [...new Set([...Object.keys(bundled), ...overrides.keys(), 'en'])];
  const lower = tag.toLowerCase();
  const exact = known.find((key) => key.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  // Chinese written in traditional characters is not served by zh-CN.
  if (language === 'zh' && /-(hant|tw|hk|mo)\b/.test(lower)) return 'en';
  return known.find((key) => key.toLowerCase().split('-')[0] === language) ?? 'en';
}

/** The texts of locale `key` if they are here (English under whatever is missing), else undefined. */
export function stringsFor(key: string): Strings | undefined {
  // `en` lacks the selection's texts: the code that shows them adds their English (en-selection.ts).
  const base = key in bundled ? loaded.get(key) : (en as Strings);
  return base && { ...en, ...base, ...overrides.get(key) };
}

/** Loads the texts of locale `key` (a no-op for English and registered locales); never rejects. */
export function loadStrings(key: string): Promise<void> {
  if (loaded.has(key) || !(key in bundled)) return Promise.resolve();
  let promise = loading.get(key);
  if (!promise) {
    promise = bundled[key]!().then(
      (strings) => {
        loaded.set(key, strings);
        changed();
      },
      () => {
        // Offline, say: English meanwhile, and the next widget that asks tries again.
        loading.delete(key);
      },
    );
    loading.set(key, promise);
  }
  return promise;
}

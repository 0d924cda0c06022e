import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../strings/en.js';
import { loadStrings, localeKey, onStringsChange, stringsFor, stringsVersion } from '../strings/registry.js';
import type { Strings } from '../strings/strings.js';
import type { LocalizationListener, SourceController } from './source-controller.js';

/** What a widget exposes to the controller. */
export interface LocaleHost extends ReactiveControllerHost, HTMLElement {
  /** This widget's own text overrides, over the provider's. */
  strings?: Partial<Strings>;
  /** This widget's own locale, over everything else. */
  locale?: string;
}

/**
 * Text that came from elsewhere (an account's name, the endpoint's message) between FIRST STRONG
 * ISOLATE and POP DIRECTIONAL ISOLATE: whatever its script or its direction marks (a right-to-left
 * override in a name, say), it cannot reorder the sentence around it. Invisible, and ignored by
 * screen readers.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** The same texts, with every text argument of every function isolated (see `isolate`). */
function isolating(strings: Strings): Strings {
  const result: Record<string, unknown> = { ...strings };
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value !== 'function') continue;
    const format = value as (...args: unknown[]) => string;
    result[key] = (...args: unknown[]) => format(...args.map((arg) => (typeof arg === 'string' ? isolate(arg) : arg)));
  }
  return result as unknown as Strings;
}

type Merged = { key: string; version: number; provided?: Partial<Strings>; own?: Partial<Strings>; raw: Strings; strings: Strings };

/** The last texts merged for widgets without overrides of their own, by locale and provider. */
const sharedStrings: Merged[] = [];

/** The nearest `lang` above `element`, across shadow roots (the document's, at the top). */
function inheritedLang(element: Element): string {
  for (let node: Element | null = element; node; ) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return '';
}

/** Nothing to wait for (English is in the bundle): one settled promise for every widget. */
const loaded = Promise.resolve();

/** The widgets to tell when a `lang` or a locale's texts change: one observer for the page. */
const watching = new Set<LocaleController>();
let langObserver: MutationObserver | undefined;

function watch(controller: LocaleController): void {
  watching.add(controller);
  if (langObserver || typeof MutationObserver !== 'function') return;
  langObserver = new MutationObserver(() => watching.forEach((c) => c.localeChanged()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  onStringsChange(() => watching.forEach((c) => c.localeChanged(true)));
}

/**
 * The language a widget speaks and its texts. The locale comes from the widget's `locale`, else
 * its `lang`, else the provider's `locale`, else the nearest ancestor with `lang` (the document's
 * included), else the browser's; a change of any of them at run time re-renders the widget. The
 * texts are that locale's (loaded on demand), under the provider's overrides, under the widget's,
 * with every name and message isolated; the same object while nothing changed. The provider's
 * part comes with the widget's one context request, made by its `SourceController`.
 */
export class LocaleController implements ReactiveController, LocalizationListener {
  /** Resolves once the texts of the current locale are here (a first render waits for it). */
  ready: Promise<void> = loaded;
  private tag = '';
  private key = 'en';
  private merged?: Merged;

  constructor(
    private readonly host: LocaleHost,
    /** Holds what the provider hands down (`provided.strings`, `provided.locale`). */
    private readonly source: SourceController,
  ) {
    source.localization = this;
    host.addController(this);
  }

  /** The BCP 47 tag in effect, for dates, numbers and sorting. */
  get locale(): string {
    return this.tag;
  }

  get strings(): Strings {
    const { key } = this;
    const version = stringsVersion();
    const provided = this.source.provided.strings;
    const own = this.host.strings;
    const last = this.merged;
    if (last && last.key === key && last.version === version && last.provided === provided && last.own === own) return last.strings;
    // Widgets with the same texts share one object: a page of 500 cards holds one, not 500.
    const common = own ? undefined : sharedStrings.find((m) => m.key === key && m.version === version && m.provided === provided);
    if (common) {
      this.merged = common;
      return common.strings;
    }
    // `en` lacks the texts only the dialog and the selection show: their code puts their English
    // under these itself (en-dialog.ts, en-selection.ts).
    const raw: Strings = { ...(stringsFor(key) ?? (en as Strings)), ...provided, ...own };
    const same = last && (Object.keys(raw) as Array<keyof Strings>).every((name) => raw[name] === last.raw[name]);
    const strings = same ? last.strings : isolating(raw);
    this.merged = { key, version, provided, own, raw: same ? last.raw : raw, strings };
    if (!own) {
      sharedStrings.push(this.merged);
      if (sharedStrings.length > 8) sharedStrings.shift();
    }
    return strings;
  }

  hostConnected(): void {
    watch(this);
    this.resolve();
  }

  hostDisconnected(): void {
    watching.delete(this);
  }

  hostUpdate(): void {
    this.resolve();
  }

  /** The provider's texts or locale changed (its widget re-renders for it). */
  localizationChanged(): void {
    this.resolve();
  }

  /** A `lang` changed somewhere, or (`texts`) a locale's texts did: re-render if it concerns us. */
  localeChanged(texts = false): void {
    const before = this.tag;
    this.resolve();
    if (texts || this.tag !== before) this.host.requestUpdate();
  }

  private resolve(): void {
    const { host } = this;
    const tag = host.locale || host.lang || this.source.provided.locale || inheritedLang(host) || globalThis.navigator?.language || 'en';
    this.tag = tag;
    const key = localeKey(tag);
    if (key === this.key) return;
    this.key = key;
    this.ready = loadStrings(key);
  }
}

// The autoloader, for pages without a bundler (`dist/data-source-widgets.autoloader.js` on a
// CDN): each tag is registered the first time the page holds one, now or later, with only that
// element's code loaded. It watches the document and every open shadow root it finds in it, so
// widgets rendered inside other components are found too; a shadow root it cannot reach (closed,
// or attached to an element that is never in the page) can be handed to `discover()`.
// Nothing is loaded for a page without the widgets, and the watching stops once every tag is.
import { serverSafe } from './define/server-safe.js';

const loaders: Record<string, () => Promise<unknown>> = {
  'data-source-provider': () => import('./define/data-source-provider.js'),
  'data-source-card': () => import('./define/data-source-card.js'),
  'reconnect-banner': () => import('./define/reconnect-banner.js'),
  'connection-settings-dialog': () => import('./define/connection-settings-dialog.js'),
};

/** The tags not loaded yet. */
const waiting = new Set(Object.keys(loaders));
const observers: MutationObserver[] = [];
const watched = new WeakSet<Node>();
/**
 * Widgets can upgrade before the provider above them does (their code may arrive first); the
 * context root replays their requests for the store when it upgrades. Attached before any tag
 * is registered.
 */
let contextRoot: Promise<unknown> | undefined;

function load(tag: string): void {
  waiting.delete(tag);
  contextRoot ??= import('@lit/context').then(({ ContextRoot }) => new ContextRoot().attach(document.documentElement));
  contextRoot.then(loaders[tag]).catch((error: unknown) => console.error(error));
  if (waiting.size === 0) for (const observer of observers.splice(0)) observer.disconnect();
}

/** Loads the tags used in `root` (an element, a document or a shadow root) and watches the open shadow roots in it. */
export function discover(root: Element | Document | DocumentFragment): void {
  if (waiting.size === 0) return;
  if (root instanceof Element && waiting.has(root.localName)) load(root.localName);
  for (const tag of [...waiting]) if (root.querySelector(tag)) load(tag);
  if (root instanceof Element && root.shadowRoot) watch(root.shadowRoot);
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);
}

/** Checks `root` now, and what is added to it later (the added nodes only, never the whole tree again). */
function watch(root: Document | ShadowRoot): void {
  if (watched.has(root) || waiting.size === 0) return;
  watched.add(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  observers.push(observer);
  discover(root);
}

if (serverSafe('the autoloader')) watch(document);
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from './types/globals.js';

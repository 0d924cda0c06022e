/**
 * Calls `load` once, as soon as the document holds an element named `tag`, now or later: for
 * an element whose code is loaded on demand. Later additions are checked in the added nodes
 * only, not by searching the page on each change (a host app may change its DOM all the time).
 * It sees the document's own tree, not shadow roots; a host that renders the element inside a
 * shadow root imports its define entry instead.
 */
export function whenUsed(tag: string, load: () => unknown): void {
  if (document.querySelector(tag)) {
    load();
    return;
  }
  const observer = new MutationObserver((records) => {
    const added = records.some((record) =>
      [...record.addedNodes].some((node) => node instanceof Element && (node.localName === tag || node.querySelector(tag))),
    );
    if (!added) return;
    observer.disconnect();
    load();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

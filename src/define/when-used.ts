/**
 * Calls `load` once, as soon as the document holds an element named `tag`, now or later: for
 * an element whose code is loaded on demand. It sees the document's own tree, not shadow roots;
 * a host that renders the element inside a shadow root imports its define entry instead.
 */
export function whenUsed(tag: string, load: () => unknown): void {
  if (document.querySelector(tag)) {
    load();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.querySelector(tag)) return;
    observer.disconnect();
    load();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

let warned = false;

/**
 * True in a browser. On a server (no `document`), where registering tags or watching the page
 * means nothing, false, with a one-line warning the first time: importing an entry there must
 * never throw (a host's server may import the module that imports it), but it registers nothing.
 * Server rendering registers the tags itself (`data-source-widgets/ssr`).
 */
export function serverSafe(what: string): boolean {
  if (typeof document !== 'undefined') return true;
  if (!warned) {
    warned = true;
    console.warn(`data-source-widgets: ${what} does nothing on a server; import it in the browser.`);
  }
  return false;
}

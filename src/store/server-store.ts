import { ApiClient } from '../api/client.js';
import type { DataSource } from '../api/types.js';
import { ConnectionStore } from './connection-store.js';

/** What a server renders the widgets with: the data, and the endpoint as the browser will see it. */
export interface ServerData {
  /** The endpoint's absolute URL as the page's widgets will use it (logo URLs resolve against it). */
  endpoint: string;
  /** The data sources to show, as the endpoint answers `GET /data-sources/{id}`. */
  sources: readonly DataSource[];
}

let current: ConnectionStore | undefined;

/**
 * Calls `render` (which must render synchronously, e.g. Lit SSR's `collectResultSync`) with the
 * widgets showing `data`: on a server they have no provider or page to load from. Several
 * requests rendering at once cannot mix their data, as each render ends before the next starts.
 */
export function withServerData<T>(data: ServerData, render: () => T): T {
  const store = new ConnectionStore(new ApiClient({ endpoint: data.endpoint }), { revalidateOnFocus: false });
  store.seed(data.sources);
  const outer = current;
  current = store;
  try {
    return render();
  } finally {
    current = outer;
  }
}

/** The store of the render in progress on a server, if any. */
export const serverStore = (): ConnectionStore | undefined => current;

/**
 * The same data for the browser, to put inside the `<data-source-provider>`: it seeds its store
 * from this, so the widgets hydrate showing what the server rendered, with no request for it.
 */
export function serverDataScript(data: Pick<ServerData, 'sources'>): string {
  // `<` escaped: no text in the data can end the script element.
  return `<script type="application/json" data-dsw-sources>${JSON.stringify(data.sources).replace(/</g, '\\u003c')}</script>`;
}

// Server rendering with Lit's SSR (`@lit-labs/ssr`), in Node: `data-source-widgets/ssr`
// registers the provider, the card and the banner in the server's registry (Lit's DOM shim; the
// define entries do nothing on a server), and renders them with data the server passes:
//
//   const data = { endpoint: 'https://app.example/api', sources: [await api.getDataSource('ga4')] };
//   const body = withServerData(data, () => collectResultSync(render(html`
//     <data-source-provider endpoint="/api">
//       ${unsafeHTML(serverDataScript(data))}
//       <data-source-card source="ga4"></data-source-card>
//     </data-source-provider>`)));
//
// In the browser, load `@lit-labs/ssr-client/lit-element-hydrate-support.js`, then
// `data-source-widgets/hydrate` (instead of the define entry): the widgets hydrate what the
// server rendered, from the same data, with no request for it.
import { SourceController } from './controllers/source-controller.js';
import { DataSourceCard } from './data-source-card/data-source-card.js';
import { DataSourceProvider } from './data-source-provider/data-source-provider.js';
import { ReconnectBanner } from './reconnect-banner/reconnect-banner.js';
import { serverStore } from './store/server-store.js';

export { withServerData, serverDataScript, type ServerData } from './store/server-store.js';

SourceController.serverStore = serverStore;
for (const [tag, element] of [
  ['data-source-provider', DataSourceProvider],
  ['data-source-card', DataSourceCard],
  ['reconnect-banner', ReconnectBanner],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from './types/globals.js';

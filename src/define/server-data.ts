import { validateDataSource } from '../api/validate.js';
import { DataSourceProvider } from '../data-source-provider/data-source-provider.js';

/**
 * Each provider's store starts with the data a server rendered the page with (a
 * `<script type="application/json" data-dsw-sources>` among its children, written by
 * `serverDataScript` of `data-source-widgets/ssr`): the widgets hydrate showing it, with no
 * request for it. Data that does not fit the contract is left out, and the widgets load it.
 */
DataSourceProvider.storeCreated = (provider, store) => {
  const script = provider.querySelector(':scope > script[type="application/json"][data-dsw-sources]');
  if (!script) return;
  try {
    store.seed((JSON.parse(script.textContent ?? '') as unknown[]).map((source) => validateDataSource(source)));
  } catch (error) {
    console.warn('data-source-widgets: the server data in <data-source-provider> does not fit the contract; the widgets load it.', error);
  }
};

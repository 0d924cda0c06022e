// For pages a server rendered with `data-source-widgets/ssr`: registers the tags as the define
// entry does, each provider first taking the data the server rendered with (so the widgets
// hydrate with no request for it). Load Lit's hydration support before it:
//   import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
//   import 'data-source-widgets/hydrate';
import './define/server-data.js';
import './define.js';

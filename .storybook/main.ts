import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  // The docs site (`npm run docs`): the widgets' stories and autodocs, and MDX pages for the README,
  // the guides, the design tokens and the HTTP contract.
  stories: ['../docs/site/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
  // msw's worker, served at the root scope from node_modules: no copy to keep in sync.
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  core: { disableTelemetry: true },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      // Storybook loads its web-components renderer unbundled, and that renderer imports
      // `lit/directive-helpers.js`: served unbundled next to the pre-bundled `lit`, it would bring
      // a second copy of lit-html ("Multiple versions of Lit loaded"). Pre-bundled, it shares one.
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
      // A quiet build, so that a real warning stands out; these two are about Storybook's own
      // bundle: its preview chunk is over Vite's 500 kB hint by nature, the timing report is advice.
      build: { chunkSizeWarningLimit: 2048, rolldownOptions: { checks: { bundlerTimings: false } } },
    }),
};

export default config;

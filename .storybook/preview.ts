import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import { installFakeProvider } from '../stories/support/fake-provider.js';
import '../src/define.js';

// Docs tables (attributes, properties, events, slots, parts, CSS properties) come from the
// manifest that `npm run analyze` generates from the JSDoc of the element classes.
setCustomElementsManifest(manifest);

// Storybook has no provider to sign in to: Connect and Re-connect open a simulated provider page.
installFakeProvider();

async function startWorker() {
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    // Relative, so a build deployed under a sub-path still finds it next to iframe.html.
    serviceWorker: { url: 'mockServiceWorker.js' },
    // Storybook's own modules and assets go through the same worker: let them pass silently.
    onUnhandledFrame: 'bypass',
  });
  // The loader resets the handlers before every story. On a docs page, every story's loader runs
  // while the stories above are still on screen and talking to their endpoints; each story has
  // its own endpoint base, so nothing needs resetting: keep what earlier stories registered.
  return { ...worker, resetHandlers: () => {} };
}

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  decorators: [withActions],
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // The docs site's order: what it is, how to use it, the widgets, then the references.
    options: {
      storySort: {
        order: [
          'Introduction',
          'Guides',
          ['Plain HTML', 'React', 'Vue', 'Angular', 'TypeScript', 'Server rendering', 'Dev server proxy'],
          'Widgets',
          'Reference',
        ],
      },
    },
    // The widgets' events, logged in the Actions panel (listened to on the story's root).
    actions: {
      handles: [
        'dsw-connect-request',
        'dsw-connection-added',
        'dsw-connection-reconnected',
        'dsw-connection-removed',
        'dsw-delete-request',
        'dsw-make-main-request',
        'dsw-main-changed',
        'dsw-refresh-requested',
        'dsw-open-settings-request',
        'dsw-dialog-opened',
        'dsw-dialog-closed',
        'dsw-error',
      ],
    },
  },
};

export default preview;

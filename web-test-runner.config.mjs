// Browser tests: Debian's Chromium (no browser downloads here), TypeScript via esbuild,
// msw's service worker served at the root scope straight from node_modules.
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { axTree, focusedNode } from './scripts/ax-tree.mjs';
import { chromeArgs, findChrome } from './scripts/find-chrome.mjs';

/**
 * `executeServerCommand('forced-colors', { active })`: emulates forced colours (Windows
 * high-contrast themes). emulateMedia from @web/test-runner-commands passes `forcedColors` to
 * Playwright only, and these tests drive Chromium through Puppeteer, which can emulate it too.
 */
function forcedColorsCommand() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
      return true;
    },
  };
}

/**
 * What Chromium itself gives assistive technology and the user, over CDP (scripts/ax-tree.mjs):
 * `executeServerCommand('ax-tree', { selectors })` the accessibility tree under an element (a
 * selector per shadow root), `'ax-focused'` the focused element's role, name and states, and
 * `'text-size', { standard }` the browser's default font size in pixels (its text-only zoom:
 * 32 is 200 %; 16 puts it back).
 */
function accessibilityCommands() {
  return {
    name: 'accessibility-commands',
    async executeCommand({ command, payload, session }) {
      if (!['ax-tree', 'ax-focused', 'text-size'].includes(command)) return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      const send = (method, params) => cdp.send(method, params);
      try {
        if (command === 'ax-tree') return await axTree(send, payload.selectors);
        if (command === 'ax-focused') return await focusedNode(send);
        const standard = payload?.standard ?? 16;
        await send('Page.setFontSizes', { fontSizes: { standard, fixed: Math.round((standard * 13) / 16) } });
        return true;
      } finally {
        await cdp.detach();
      }
    },
  };
}

const worker = readFileSync(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

export default {
  // WTR_PORT: lets two checkouts run their browser tests side by side on one machine.
  port: Number(process.env.WTR_PORT) || 8000,
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), forcedColorsCommand(), accessibilityCommands()],
  middleware: [
    (ctx, next) => {
      if (ctx.path !== '/mockServiceWorker.js') return next();
      ctx.type = 'application/javascript';
      ctx.body = worker;
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: ['--headless=new', ...chromeArgs],
      },
    }),
  ],
  // One page at a time: a page in the background gets no focus, keys or animation frames,
  // which focus and keyboard tests need; on 2 cores two pages are hardly faster anyway.
  concurrency: 1,
  browserStartTimeout: 60_000,
  // The whole run, one page at a time on 2 cores: well past the default 2 minutes.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 5000 } },
};

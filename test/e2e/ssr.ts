// Server rendering: a page rendered in Node with Lit's SSR from the built package
// (`data-source-widgets/ssr`), with the data the server got from the backend. With JavaScript
// blocked, the cards and the banner show their content (declarative shadow DOM). With
// JavaScript, they hydrate: no request for the data that came with the page, nothing moves (the
// boxes measured before the widgets' code runs equal those after), and the widgets respond.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { build } from 'esbuild';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Page } from 'playwright-core';
import type { DataSource } from '../../src/api/types.js';
import { banner, browser, card, demoServer, said, settingsDialog, TIMEOUT, visible, type DemoServer, faults } from './helpers.js';

const SOURCES = ['google-ads', 'facebook-ads', 'hubspot'];
const dist = new URL('../../dist/', import.meta.url);

/** The page a host's server would send: the widgets rendered with the backend's data. */
async function serverRenderedPage(server: DemoServer): Promise<string> {
  // A computed specifier: the type check runs before the build.
  const { withServerData, serverDataScript } = await import(new URL('ssr.js', dist).href);
  const sources = await Promise.all(
    SOURCES.map(async (id) => (await (await fetch(`${server.url}/api/data-sources/${id}`, { headers: server.auth })).json()) as DataSource),
  );
  const data = { endpoint: `${server.url}/api`, sources };
  const body = withServerData(data, () =>
    collectResultSync(
      render(html`
        <data-source-provider endpoint="/api">
          ${unsafeHTML(serverDataScript(data))}
          <reconnect-banner source="hubspot"></reconnect-banner>
          ${SOURCES.map((id) => html`<data-source-card source=${id}></data-source-card>`)}
        </data-source-provider>
      `),
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server rendered</title>
<script type="module" src="/ssr-client.js"></script></head><body><main>${body}</main></body></html>`;
}

/** The browser's code: Lit's hydration support first, then the hydrate entry (one copy of Lit). */
async function clientScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport ${JSON.stringify(fileURLToPath(new URL('hydrate.js', dist)))};`,
      resolveDir: fileURLToPath(new URL('../../', import.meta.url)),
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const widgets = (page: Page) => page.locator('data-source-card, reconnect-banner');
const boxes = async (page: Page) => Promise.all((await widgets(page).all()).map((widget) => widget.boundingBox()));

export function ssrSuite(): void {
  describe('server rendering', () => {
    it('shows the content with JavaScript blocked, then hydrates with no request and no shift', async (t) => {
      const server = await demoServer(t);
      const pageHtml = await serverRenderedPage(server);
      const client = await clientScript();

      // JavaScript blocked: the server's HTML alone.
      const still = await (await browser()).newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      t.after(() => still.close());
      const plain = await still.newPage();
      await plain.route(`${server.url}/ssr.html`, (route) => route.fulfill({ body: pageHtml, contentType: 'text/html' }));
      await plain.goto(`${server.url}/ssr.html`);
      await visible(card(plain, 'google-ads').getByRole('heading', { name: 'Google Ads' }));
      await visible(card(plain, 'facebook-ads').getByText(said('1 account')));
      await visible(card(plain, 'google-ads').getByRole('button', { name: said('Connection settings: Google Ads') }));
      await visible(banner(plain, 'hubspot').getByRole('region', { name: said('2 accounts need to be re-connected') }));
      const serverBoxes = await boxes(plain);

      // With JavaScript: the widgets' code is held back until the server's layout is measured.
      const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(TIMEOUT);
      t.after(() => context.close());
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
      const dataRequests: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/data-sources')) dataRequests.push(request.url());
      });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(`${server.url}/ssr.html`, (route) => route.fulfill({ body: pageHtml, contentType: 'text/html' }));
      await page.route(`${server.url}/ssr-client.js`, async (route) => {
        await held;
        await route.fulfill({ body: client, contentType: 'text/javascript' });
      });
      // Not 'domcontentloaded': it waits for the module script, held back here.
      await page.goto(`${server.url}/ssr.html`, { waitUntil: 'commit' });
      await visible(card(page, 'google-ads').getByRole('heading', { name: 'Google Ads' }));
      const before = await boxes(page);
      assert.deepEqual(before, serverBoxes, 'the same layout with and without JavaScript');
      release();

      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll<Element & { hasUpdated?: boolean }>("data-source-card, reconnect-banner")).every(
          (widget) => customElements.get(widget.localName) && widget.hasUpdated,
        ),
      );
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.deepEqual(await boxes(page), before, 'nothing moved when the widgets hydrated');
      assert.deepEqual(dataRequests, [], 'no request for the data that came with the page');

      // Hydrated, not only painted: the settings button opens the dialog, from the same data.
      await card(page, 'google-ads').getByRole('button', { name: said('Connection settings: Google Ads') }).click();
      await visible(settingsDialog(page, 'Google Ads'));
      assert.deepEqual(faults(problems), []);
    });
  });
}

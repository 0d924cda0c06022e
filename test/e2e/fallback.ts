// When no message from the callback page can reach the widget, the flow still completes by
// asking the endpoint for the outcome of its state (GET /api/authorizations/:state).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, demoServer, open, row, said, settingsDialog, visible } from './helpers.js';

export function fallbackSuite(): void {
  describe('authorization outcome fallback', () => {
    it('completes with Cross-Origin-Opener-Policy on the callback and the host on another origin', async (t) => {
      // COOP cuts `window.opener`, so postMessage cannot arrive; the host page is served as
      // http://localhost while the provider and callback live at http://127.0.0.1 (the demo
      // server would follow the page's Host, so the answer is rewritten as a host whose provider
      // lives elsewhere would send it), so the BroadcastChannel (same-origin only) cannot deliver
      // either. Only the endpoint can tell.
      const server = await demoServer(t, { callbackCoop: true });
      const hostUrl = `http://localhost:${server.port}/`;
      const { page, problems } = await open(t, hostUrl);
      await page.route('**/api/data-sources/*/authorizations', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { authorizationUrl: string };
        const authorizationUrl = new URL(body.authorizationUrl);
        authorizationUrl.hostname = '127.0.0.1';
        await route.fulfill({ response, json: { ...body, authorizationUrl: authorizationUrl.href } });
      });
      const tiktok = card(page, 'tiktok-ads');

      const [popup] = await Promise.all([page.waitForEvent('popup'), tiktok.getByRole('button', { name: said('Connect') }).click()]);
      await popup.getByRole('radio', { name: /^Quayside Bakery\b/ }).check();
      assert.equal(new URL(popup.url()).origin, `http://127.0.0.1:${server.port}`);
      const callback = popup.waitForResponse((response) => response.url().includes('/api/authorizations/callback'));
      const outcomeAsked = page.waitForRequest((request) => /\/api\/authorizations\/[\w-]{16,}$/.test(new URL(request.url()).pathname));
      await popup.getByRole('button', { name: said('Approve') }).click();
      assert.equal((await callback).headers()['cross-origin-opener-policy'], 'same-origin');

      const request = await outcomeAsked;
      assert.equal(new URL(request.url()).origin, `http://localhost:${server.port}`, 'asked the endpoint, from the host page');
      await visible(tiktok.getByRole('button', { name: said('Connection settings') }));
      await tiktok.getByRole('button', { name: said('Connection settings') }).click();
      await visible(row(settingsDialog(page, 'TikTok Ads'), 'Quayside Bakery').getByText(said('Main')));
      assert.deepEqual(problems, []);
    });

    it('completes when COOP cuts the opener of a page opened on localhost (pop-up on the same origin)', async (t) => {
      // The demo server builds the provider URL on the Host the page used, so the callback page
      // shares the host page's origin: its channel message or the endpoint tells the outcome
      // (which one first is a race with the closed-window poll, so neither is asserted).
      const server = await demoServer(t, { callbackCoop: true });
      const { page, problems } = await open(t, `http://localhost:${server.port}/`);
      const tiktok = card(page, 'tiktok-ads');
      const [popup] = await Promise.all([page.waitForEvent('popup'), tiktok.getByRole('button', { name: said('Connect') }).click()]);
      await popup.getByRole('radio', { name: /^Quayside Bakery\b/ }).check();
      assert.equal(new URL(popup.url()).origin, `http://localhost:${server.port}`, 'the pop-up is on the page origin');
      await popup.getByRole('button', { name: said('Approve') }).click();
      await visible(tiktok.getByRole('button', { name: said('Connection settings') }));
      assert.deepEqual(problems, []);
    });
  });
}

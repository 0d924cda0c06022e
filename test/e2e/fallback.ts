// When no message from the callback page can reach the widget, the flow still completes by
// asking the endpoint for the outcome of its state (GET /api/authorizations/:state).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, demoServer, open, row, said, settingsDialog, visible, faults } from './helpers.js';

export function fallbackSuite(): void {
  describe('authorization outcome fallback', () => {
    it('completes with Cross-Origin-Opener-Policy on the callback and the host on another origin', async (t) => {
      // COOP cuts `window.opener`, so postMessage cannot arrive; the host page is served as
      // http://localhost while the authorization is started at http://127.0.0.1 (the request is
      // sent there, as a host whose backend lives elsewhere would), so the platform sends the
      // pop-up back to a callback on 127.0.0.1 and the BroadcastChannel (same-origin only) cannot
      // deliver either. Only the endpoint can tell.
      // The host page's origin is another than the backend's: the backend must list it.
      const server = await demoServer(t, { callbackCoop: true, allowedOrigins: (origin) => /^http:\/\/localhost:\d+$/.test(origin) });
      const hostUrl = `http://localhost:${server.port}/`;
      const { page, problems } = await open(t, hostUrl);
      await page.route('**/api/data-sources/*/authorizations', async (route) => {
        const url = new URL(route.request().url());
        url.hostname = '127.0.0.1';
        await route.fulfill({ response: await route.fetch({ url: url.href }) });
      });
      const tiktok = card(page, 'tiktok-ads');

      const [popup] = await Promise.all([page.waitForEvent('popup'), tiktok.getByRole('button', { name: said('Connect') }).click()]);
      await popup.getByRole('radio', { name: /^Quayside Bakery\b/ }).check();
      assert.equal(new URL(popup.url()).origin, server.platform.issuer, 'the sign-in is at the platform');
      const callback = popup.waitForResponse((response) => response.url().includes('/api/authorizations/callback'));
      const outcomeAsked = page.waitForRequest((request) => /\/api\/authorizations\/[\w-]{16,}$/.test(new URL(request.url()).pathname));
      await popup.getByRole('button', { name: said('Approve') }).click();
      const answer = await callback;
      assert.equal(new URL(answer.url()).origin, `http://127.0.0.1:${server.port}`);
      assert.equal(answer.headers()['cross-origin-opener-policy'], 'same-origin');

      const request = await outcomeAsked;
      assert.equal(new URL(request.url()).origin, `http://localhost:${server.port}`, 'asked the endpoint, from the host page');
      await visible(tiktok.getByRole('button', { name: said('Connection settings') }));
      await tiktok.getByRole('button', { name: said('Connection settings') }).click();
      await visible(row(settingsDialog(page, 'TikTok Ads'), 'Quayside Bakery').getByText(said('Main')));
      assert.deepEqual(faults(problems), []);
    });

    it('completes when COOP cuts the opener of a page opened on localhost (callback on the same origin)', async (t) => {
      // The demo server registers its callback on the Host the page used, so the platform sends
      // the pop-up back to the host page's origin: its channel message or the endpoint tells the
      // outcome (which one first is a race with the closed-window poll, so neither is asserted).
      const server = await demoServer(t, { callbackCoop: true });
      const { page, problems } = await open(t, `http://localhost:${server.port}/`);
      const tiktok = card(page, 'tiktok-ads');
      const [popup] = await Promise.all([page.waitForEvent('popup'), tiktok.getByRole('button', { name: said('Connect') }).click()]);
      await popup.getByRole('radio', { name: /^Quayside Bakery\b/ }).check();
      const callback = popup.waitForResponse((response) => response.url().includes('/api/authorizations/callback'));
      await popup.getByRole('button', { name: said('Approve') }).click();
      assert.equal(new URL((await callback).url()).origin, `http://localhost:${server.port}`, 'the callback is on the page origin');
      await visible(tiktok.getByRole('button', { name: said('Connection settings') }));
      assert.deepEqual(faults(problems), []);
    });
  });
}

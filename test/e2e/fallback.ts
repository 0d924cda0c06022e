// When no message from the callback page can reach the widget, the flow still completes by
// asking the endpoint for the outcome of its state (GET /api/authorizations/:state).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, demoServer, open, row, settingsDialog, visible } from './helpers.js';

export function fallbackSuite(): void {
  describe('authorization outcome fallback', () => {
    it('completes with Cross-Origin-Opener-Policy on the callback and the host on another origin', async (t) => {
      // COOP cuts `window.opener`, so postMessage cannot arrive; the host page is served as
      // http://localhost while the provider and callback live at http://127.0.0.1, so the
      // BroadcastChannel (same-origin only) cannot deliver either. Only the endpoint can tell.
      const server = await demoServer(t, { callbackCoop: true });
      const hostUrl = `http://localhost:${server.port}/`;
      const { page, problems } = await open(t, hostUrl);
      const tiktok = card(page, 'tiktok-ads');

      const [popup] = await Promise.all([page.waitForEvent('popup'), tiktok.getByRole('button', { name: 'Connect' }).click()]);
      await popup.getByRole('radio', { name: /^Quayside Bakery\b/ }).check();
      const callback = popup.waitForResponse((response) => response.url().includes('/api/authorizations/callback'));
      const outcomeAsked = page.waitForRequest((request) => /\/api\/authorizations\/[\w-]{16,}$/.test(new URL(request.url()).pathname));
      await popup.getByRole('button', { name: 'Approve' }).click();
      assert.equal((await callback).headers()['cross-origin-opener-policy'], 'same-origin');

      const request = await outcomeAsked;
      assert.equal(new URL(request.url()).origin, `http://localhost:${server.port}`, 'asked the endpoint, from the host page');
      await visible(tiktok.getByRole('button', { name: 'Connection settings' }));
      await tiktok.getByRole('button', { name: 'Connection settings' }).click();
      await visible(row(settingsDialog(page, 'TikTok Ads'), 'Quayside Bakery').getByText('Main'));
      assert.deepEqual(problems, []);
    });
  });
}

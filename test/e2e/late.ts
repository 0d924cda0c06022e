// Nothing lost: a sign-in finished after the widget gave up waiting, a reload of the host page
// during a sign-in, and a change made in another tab, over real HTTP and the real pop-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Route } from 'playwright-core';
import { browser, card, demoServer, faults, loggedEvent, open, row, said, settingsDialog, TIMEOUT, visible } from './helpers.js';

export function lateSuite(): void {
  describe('late outcomes and other tabs', () => {
    it('a sign-in approved after the timeout appears as a row without any click', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      await page.locator('data-source-provider').evaluate((provider) => {
        (provider as HTMLElement & { authorizationTimeoutMs: number }).authorizationTimeoutMs = 1500;
      });
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(said('Not connected')));
      const [popup] = await Promise.all([page.waitForEvent('popup'), linkedin.getByRole('button', { name: said('Connect') }).click()]);
      popup.setDefaultTimeout(TIMEOUT);
      await visible(linkedin.getByRole('status').filter({ hasText: said('The sign-in took too long') }));
      assert.equal(popup.isClosed(), false, 'the pop-up stays for a user still signing in');

      await popup.getByRole('radio', { name: /^Summit Legal Partners\b/ }).check();
      await popup.getByRole('button', { name: said('Approve') }).click();

      await visible(linkedin.getByRole('button', { name: said('Connection settings') }));
      await visible(linkedin.getByRole('status').filter({ hasText: said('Summit Legal Partners is connected.') }));
      await loggedEvent(page, 'dsw-connection-added');
      assert.equal(await page.locator('#event-log li[data-type="dsw-connection-added"]').count(), 1);
      assert.deepEqual(faults(problems), []);
    });

    it('a reload of the host page during a sign-in picks it up: the approval still becomes a row', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(said('Not connected')));
      const [popup] = await Promise.all([page.waitForEvent('popup'), linkedin.getByRole('button', { name: said('Connect') }).click()]);
      popup.setDefaultTimeout(TIMEOUT);
      await popup.getByRole('button', { name: said('Approve') }).waitFor();

      await page.reload();
      await visible(card(page, 'linkedin-ads').getByText(said('Not connected')));
      await popup.getByRole('radio', { name: /^Summit Legal Partners\b/ }).check();
      await popup.getByRole('button', { name: said('Approve') }).click();

      await visible(card(page, 'linkedin-ads').getByRole('button', { name: said('Connection settings') }));
      await loggedEvent(page, 'dsw-connection-added');
      // An outcome poll in flight when the page reloads is cut by the reload itself: no fault.
      assert.deepEqual(faults(problems), []);
    });

    it('a lasting fault says when it tries again, and Retry now loads at once', async (t) => {
      const server = await demoServer(t);
      const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 } });
      t.after(() => context.close());
      // The endpoint is overloaded for a while: every source's data answers 429, Retry-After 40 s
      // (the host page's own list of sources, which lays out the cards, still loads).
      const overloaded = (route: Route) =>
        route.fulfill({ status: 429, headers: { 'Retry-After': '40', 'Content-Type': 'application/json' }, body: '{"error":{"code":"rate_limited","message":"Slow down"}}' });
      await context.route(/\/api\/data-sources[/?]/, overloaded);
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(`${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(/Retrying in (40|39|38) s…/));
      const retry = linkedin.getByRole('button', { name: said('Retry now') });
      await visible(retry);

      await context.unroute(/\/api\/data-sources[/?]/, overloaded);
      await retry.click();
      await visible(linkedin.getByText(said('Not connected')));
    });

    it('a delete in one tab reaches the other tab of the same origin within a second', async (t) => {
      const server = await demoServer(t);
      const first = await open(t, `${server.url}/`);
      const second = await first.context.newPage();
      await second.goto(`${server.url}/`);
      const ga4There = card(second, 'ga4');
      await visible(ga4There.getByText(/^3 accounts/));

      await card(first.page, 'ga4').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(first.page, 'Google Analytics 4');
      const doomed = row(dialog, 'kestrelcycling.com – GA4');
      await doomed.getByRole('button', { name: /^Delete/ }).click();
      await first.page.getByRole('alertdialog').getByRole('button', { name: said('Delete') }).click();
      const deleted = Date.now();
      await ga4There.getByText(/^2 accounts/).waitFor({ timeout: 1500 });
      assert.ok(Date.now() - deleted < 1500, 'within a second, give or take the test');
      assert.deepEqual(first.problems, []);
    });
  });
}

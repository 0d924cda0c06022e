// Nothing lost: a sign-in finished after the widget gave up waiting, a reload of the host page
// during a sign-in, and a change made in another tab, over real HTTP and the real pop-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, demoServer, loggedEvent, open, row, settingsDialog, TIMEOUT, visible } from './helpers.js';

export function lateSuite(): void {
  describe('late outcomes and other tabs', () => {
    it('a sign-in approved after the timeout appears as a row without any click', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      await page.locator('data-source-provider').evaluate((provider) => {
        (provider as HTMLElement & { authorizationTimeoutMs: number }).authorizationTimeoutMs = 1500;
      });
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText('Not connected'));
      const [popup] = await Promise.all([page.waitForEvent('popup'), linkedin.getByRole('button', { name: 'Connect' }).click()]);
      popup.setDefaultTimeout(TIMEOUT);
      await visible(linkedin.getByRole('status').filter({ hasText: 'The sign-in took too long' }));
      assert.equal(popup.isClosed(), false, 'the pop-up stays for a user still signing in');

      await popup.getByRole('radio', { name: /^Summit Legal Partners\b/ }).check();
      await popup.getByRole('button', { name: 'Approve' }).click();

      await visible(linkedin.getByRole('button', { name: 'Connection settings' }));
      await visible(linkedin.getByRole('status').filter({ hasText: 'Summit Legal Partners is connected.' }));
      await loggedEvent(page, 'dsw-connection-added');
      assert.equal(await page.locator('#event-log li[data-type="dsw-connection-added"]').count(), 1);
      assert.deepEqual(problems, []);
    });

    it('a reload of the host page during a sign-in picks it up: the approval still becomes a row', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText('Not connected'));
      const [popup] = await Promise.all([page.waitForEvent('popup'), linkedin.getByRole('button', { name: 'Connect' }).click()]);
      popup.setDefaultTimeout(TIMEOUT);
      await popup.getByRole('button', { name: 'Approve' }).waitFor();

      await page.reload();
      await visible(card(page, 'linkedin-ads').getByText('Not connected'));
      await popup.getByRole('radio', { name: /^Summit Legal Partners\b/ }).check();
      await popup.getByRole('button', { name: 'Approve' }).click();

      await visible(card(page, 'linkedin-ads').getByRole('button', { name: 'Connection settings' }));
      await loggedEvent(page, 'dsw-connection-added');
      assert.deepEqual(problems, []);
    });

    it('a delete in one tab reaches the other tab of the same origin within a second', async (t) => {
      const server = await demoServer(t);
      const first = await open(t, `${server.url}/`);
      const second = await first.context.newPage();
      await second.goto(`${server.url}/`);
      const ga4There = card(second, 'ga4');
      await visible(ga4There.getByText(/^3 accounts/));

      await card(first.page, 'ga4').getByRole('button', { name: 'Connection settings' }).click();
      const dialog = settingsDialog(first.page, 'Google Analytics 4');
      const doomed = row(dialog, 'kestrelcycling.com – GA4');
      await doomed.getByRole('button', { name: /^Delete/ }).click();
      await first.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
      const deleted = Date.now();
      await ga4There.getByText(/^2 accounts/).waitFor({ timeout: 1500 });
      assert.ok(Date.now() - deleted < 1500, 'within a second, give or take the test');
      assert.deepEqual(first.problems, []);
    });
  });
}

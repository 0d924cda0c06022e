// A connection whose grant is revoked at the platform (with the host page's demo controls)
// shows in the card, the dialog and the banner; Re-connect through the real pop-up makes it healthy again, and signing
// in as another account replaces nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { authorizeInPopup, banner, card, demoServer, gone, loggedEvent, open, row, said, settingsDialog, visible, faults } from './helpers.js';

const FAILURE = 'The credentials were changed or revoked. Re-connect to restore data updates.';

/** Uses the page's own demo controls, as a person trying the demo would. */
async function makeFail(page: Page, option: string): Promise<void> {
  await page.getByLabel('Connection', { exact: true }).selectOption({ label: option });
  await page.getByRole('button', { name: said('Revoke at the platform') }).click();
  await visible(page.locator('#controls-status').filter({ hasText: said('now fails') }));
}

export function reconnectSuite(): void {
  describe('failing connection and re-connect', () => {
    it('shows the failure in the card, the dialog and the banner; Re-connect makes it healthy again', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const facebook = card(page, 'facebook-ads');
      const fbBanner = banner(page, 'facebook-ads');
      await visible(facebook.getByText(said('1 account')));
      assert.equal(await fbBanner.getByRole('button').count(), 0, 'a healthy source shows no banner');

      await makeFail(page, 'Bluebird Coffee (act_1093384726551820)');

      await visible(facebook.getByText(FAILURE));
      await visible(facebook.getByText(/needs attention/));
      const alert = fbBanner.getByRole('region', { name: said('Bluebird Coffee needs to be re-connected') });
      await visible(alert);
      await visible(alert.getByText(FAILURE));
      await fbBanner.getByRole('button', { name: said('Open connection settings') }).click();
      const dialog = settingsDialog(page, 'Facebook Ads');
      await visible(row(dialog, 'Bluebird Coffee').getByText(said('Error')));
      await dialog.getByRole('button', { name: said('Close') }).click();
      await gone(dialog);

      await authorizeInPopup(page, fbBanner.getByRole('button', { name: said('Re-connect Bluebird Coffee') }), { approve: 'Bluebird Coffee' });

      await gone(alert);
      await gone(facebook.getByText(FAILURE));
      const reconnected = (await loggedEvent(page, 'dsw-connection-reconnected')) as { connection: { status: string } };
      assert.equal(reconnected.connection.status, 'active');
      await facebook.getByRole('button', { name: said('Connection settings') }).click();
      await visible(row(settingsDialog(page, 'Facebook Ads'), 'Bluebird Coffee').getByText(said('Active')));
      assert.deepEqual(faults(problems), []);
    });

    it('re-connects from the dialog row; signing in as another account replaces nothing and offers to add it', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      await card(page, 'ga4').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Google Analytics 4');
      const failing = row(dialog, 'northwind-outfitters.com – GA4');
      await visible(failing.getByText(said('Error')));

      await authorizeInPopup(page, failing.getByRole('button', { name: /^Re-connect/ }), { approve: 'marigoldpets.com – GA4' });

      // The widget says which account was used; the failing row is untouched.
      const notice = page.getByText(/marigoldpets\.com – GA4.*Nothing was replaced/).first();
      await visible(notice);
      await visible(failing.getByText(said('Error')));
      const offer = page.getByRole('button', { name: said('Add it as a new connection') }).first();
      await visible(offer);
      assert.equal(await row(dialog, 'marigoldpets.com – GA4').count(), 0);

      await authorizeInPopup(page, offer, { approve: 'marigoldpets.com – GA4' });
      await visible(row(dialog, 'marigoldpets.com – GA4').getByText(said('Main')));
      await visible(failing.getByText(said('Error')));
      assert.deepEqual(faults(problems), []);
    });
  });
}

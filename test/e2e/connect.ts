// Connecting accounts on the host page through the real pop-up: the platform's sign-in page,
// Approve and Deny, and the cards, dialog and event log that follow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { violations } from './axe.js';
import { authorizeInPopup, card, demoServer, gone, loggedEvent, open, row, said, settingsDialog, TIMEOUT, visible, faults } from './helpers.js';

export function connectSuite(): void {
  describe('connect', () => {
    it('connects a first account: Approve in the pop-up, the card turns to Connection settings, the row is main', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(said('Not connected')));

      await authorizeInPopup(page, linkedin.getByRole('button', { name: said('Connect') }), { approve: 'Summit Legal Partners' });

      await visible(linkedin.getByRole('button', { name: said('Connection settings') }));
      await visible(linkedin.getByText(said('1 account')));
      await visible(linkedin.getByRole('status').filter({ hasText: said('Summit Legal Partners is connected.') }));
      const added = (await loggedEvent(page, 'dsw-connection-added')) as { sourceId: string; connection: { accountName: string; role: string } };
      assert.equal(added.sourceId, 'linkedin-ads');
      assert.equal(added.connection.accountName, 'Summit Legal Partners');

      await linkedin.getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'LinkedIn Ads');
      await visible(dialog);
      const added1 = row(dialog, 'Summit Legal Partners');
      await visible(added1.getByText(said('Main')));
      await visible(added1.getByText(said('508734219')));
      await visible(added1.getByText(said('Active')));
      await loggedEvent(page, 'dsw-dialog-opened');
      assert.deepEqual(faults(problems), []);
    });

    it('adds a second account from the dialog: Add or Update Connector, the new row is main, the old one secondary', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const facebook = card(page, 'facebook-ads');
      await facebook.getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Facebook Ads');
      await visible(row(dialog, 'Bluebird Coffee').getByText(said('Main')));

      await authorizeInPopup(page, dialog.getByRole('button', { name: said('Add or Update Connector') }), { approve: 'Marigold Pet Supplies' });

      await visible(row(dialog, 'Marigold Pet Supplies').getByText(said('Main')));
      await visible(row(dialog, 'Bluebird Coffee').getByText(said('Secondary')));
      assert.equal(await dialog.getByRole('row').filter({ hasText: /act_\d+/ }).count(), 2);
      await visible(facebook.getByText(said('2 accounts')));
      assert.deepEqual(faults(problems), []);
    });

    it('re-authorizes an account already connected in place: still one row, now main', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      await card(page, 'ga4').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Google Analytics 4');
      await visible(row(dialog, 'bluebirdcoffee.com – GA4').getByText(said('Secondary')));

      // The provider offers the main account and new ones; a secondary one is typed in, as a user
      // signing in to it would be.
      await authorizeInPopup(page, dialog.getByRole('button', { name: said('Add or Update Connector') }), {
        other: { accountName: 'bluebirdcoffee.com – GA4', accountId: '312845907' },
      });

      await visible(row(dialog, 'bluebirdcoffee.com – GA4').getByText(said('Main')));
      assert.equal(await row(dialog, 'bluebirdcoffee.com – GA4').count(), 1);
      assert.deepEqual(faults(problems), []);
    });

    it('the sign-in page works from the keyboard: focus on the first account, Enter approves it; axe finds nothing', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(said('Not connected')));
      const [popup] = await Promise.all([page.waitForEvent('popup'), linkedin.getByRole('button', { name: said('Connect') }).click()]);
      popup.setDefaultTimeout(TIMEOUT);
      const first = popup.getByRole('radio', { name: /^Summit Legal Partners\b/ });
      await first.waitFor();
      assert.equal(new URL(popup.url()).origin, server.platform.issuer, 'the sign-in page is the authorization server\'s');
      assert.ok(await first.evaluate((element) => element === document.activeElement), 'focus starts on the first account');
      await visible(popup.getByLabel('Account name'));
      await visible(popup.getByLabel('Account ID'));
      assert.deepEqual(await violations(popup), []);

      const closed = popup.waitForEvent('close');
      await popup.keyboard.press('Enter');
      await closed;
      await visible(linkedin.getByRole('status').filter({ hasText: said('Summit Legal Partners is connected.') }));
      assert.deepEqual(faults(problems), []);
    });

    it('denied at the provider: no row, and the card says what happened', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const tiktok = card(page, 'tiktok-ads');

      await authorizeInPopup(page, tiktok.getByRole('button', { name: said('Connect') }), 'deny');

      await visible(tiktok.getByRole('status').filter({ hasText: /(cancelled|denied).*Nothing was/ }));
      await visible(tiktok.getByRole('button', { name: said('Connect') }));
      await visible(tiktok.getByText(said('Not connected')));
      const error = (await loggedEvent(page, 'dsw-error')) as { sourceId: string; error: { message: string } };
      assert.equal(error.sourceId, 'tiktok-ads');
      const answer = await fetch(`${server.url}/api/data-sources/tiktok-ads/connections`, { headers: server.auth });
      assert.deepEqual(await answer.json(), { items: [] });
      await gone(tiktok.getByRole('button', { name: said('Connection settings') }));
      assert.deepEqual(faults(problems), []);
    });
  });
}

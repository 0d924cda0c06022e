// A sign-in that reaches several accounts (the simulated provider's manager account reaches 4):
// the settings dialog opens on the choice, over real HTTP against the reference backend.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizeInPopup, card, demoServer, loggedEvent, open, row, said, settingsDialog, visible, faults } from './helpers.js';

export function selectionSuite(): void {
  describe('account selection', () => {
    it('a sign-in granting 4 accounts, 2 chosen: 2 rows, and the chosen main', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const tiktok = card(page, 'tiktok-ads');
      await visible(tiktok.getByText(said('Not connected')));

      await authorizeInPopup(page, tiktok.getByRole('button', { name: said('Connect') }), { approve: 'Agency manager account' });

      // The step opens in the settings dialog (the host's brand), its search focused.
      const dialog = settingsDialog(page, 'TikTok Ads');
      await visible(dialog.getByRole('heading', { name: said('Choose the accounts to connect') }));
      await visible(dialog.getByText(said('0 of 4 selected')));
      const search = dialog.getByRole('searchbox', { name: said('Search accounts') });
      assert.equal(await search.evaluate((input) => input === (input.getRootNode() as ShadowRoot).activeElement), true);
      const shown = (await loggedEvent(page, 'dsw-account-selection-shown')) as { accounts: unknown[] };
      assert.equal(shown.accounts.length, 4);

      await dialog.getByRole('checkbox', { name: /client 2\b/ }).check();
      await dialog.getByRole('checkbox', { name: /client 4\b/ }).check();
      await visible(dialog.getByText(said('2 of 4 selected')));
      await dialog.getByRole('combobox', { name: said('Main account') }).selectOption({ label: 'Agency manager account · client 4' });
      await dialog.getByRole('button', { name: said('Connect 2 accounts') }).click();

      await visible(tiktok.getByRole('status').filter({ hasText: said('2 accounts are connected.') }));
      await visible(tiktok.locator('[part~="summary"]').filter({ hasText: new RegExp(`^${said('2 accounts').source}$`) }));
      const confirmed = (await loggedEvent(page, 'dsw-account-selection-confirmed')) as { connections: unknown[]; main: { accountName: string } };
      assert.equal(confirmed.connections.length, 2);
      assert.equal(confirmed.main.accountName, 'Agency manager account · client 4');
      // Connect is gone: focus is on Connection settings, not lost to the page.
      const settings = tiktok.getByRole('button', { name: said('Connection settings') });
      assert.equal(await settings.evaluate((button) => button === (button.getRootNode() as ShadowRoot).activeElement), true);

      await settings.click();
      await visible(dialog);
      assert.equal(await dialog.getByRole('row').filter({ hasText: /client \d/ }).count(), 2);
      await visible(row(dialog, 'client 4').getByText(said('Main')));
      await visible(row(dialog, 'client 2').getByText(said('Secondary')));
      assert.equal(await row(dialog, 'client 1').count(), 0);
      assert.deepEqual(faults(problems), []);
    });

    it('cancelling connects nothing and says so', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const tiktok = card(page, 'tiktok-ads');
      await authorizeInPopup(page, tiktok.getByRole('button', { name: said('Connect') }), { approve: 'Agency manager account' });
      const dialog = settingsDialog(page, 'TikTok Ads');
      await dialog.getByRole('checkbox', { name: /client 1\b/ }).check();
      await dialog.getByRole('button', { name: said('Cancel') }).click();
      await visible(tiktok.getByRole('status').filter({ hasText: said('No account was added: the selection was cancelled.') }));
      await visible(tiktok.getByText(said('Not connected')));
      await loggedEvent(page, 'dsw-account-selection-cancelled');
      assert.deepEqual(faults(problems), []);
    });
  });
}

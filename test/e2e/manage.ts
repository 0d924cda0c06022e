// Managing connected accounts in the settings dialog against the real backend: delete with
// confirmation, make main, refresh data; each change survives a reload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Connection } from '../../src/api/types.js';
import { card, demoServer, gone, loggedEvent, open, row, said, settingsDialog, visible, type DemoServer, faults } from './helpers.js';

const GA4 = 'Google Analytics 4';

async function openGa4(page: Page) {
  await card(page, 'ga4').getByRole('button', { name: said('Connection settings') }).click();
  const dialog = settingsDialog(page, GA4);
  await visible(row(dialog, 'kestrelcycling.com – GA4'));
  return dialog;
}

async function connections(server: DemoServer, sourceId: string): Promise<Connection[]> {
  const response = await fetch(`${server.url}/api/data-sources/${sourceId}/connections`, { headers: server.auth });
  return ((await response.json()) as { items: Connection[] }).items;
}

export function manageSuite(): void {
  describe('manage connections', () => {
    it('deletes an account after confirmation; Cancel keeps it; it stays gone after a reload', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      let dialog = await openGa4(page);
      const doomed = 'bluebirdcoffee.com – GA4';

      await dialog.getByRole('button', { name: said(`Delete ${doomed}`) }).click();
      const confirm = page.getByRole('alertdialog', { name: said('Delete this connection?') });
      await visible(confirm.getByText(said(`${doomed} (312845907)`)));
      await confirm.getByRole('button', { name: said('Cancel') }).click();
      await gone(confirm);
      await visible(row(dialog, doomed));

      await dialog.getByRole('button', { name: said(`Delete ${doomed}`) }).click();
      await confirm.getByRole('button', { name: said('Delete') }).click();
      await gone(row(dialog, doomed));
      await visible(dialog.getByRole('status').filter({ hasText: said(`${doomed} was deleted.`) }));
      const removed = (await loggedEvent(page, 'dsw-connection-removed')) as { connection: { accountName: string } };
      assert.equal(removed.connection.accountName, doomed);
      await visible(card(page, 'ga4').getByText(/^2 accounts/));

      await page.reload();
      dialog = await openGa4(page);
      await visible(row(dialog, 'northwind-outfitters.com – GA4'));
      assert.equal(await row(dialog, doomed).count(), 0);
      assert.ok(!(await connections(server, 'ga4')).some((c) => c.accountName === doomed));
      assert.deepEqual(faults(problems), []);
    });

    it('makes a secondary account main; the old main turns secondary, also after a reload', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      let dialog = await openGa4(page);
      const next = 'bluebirdcoffee.com – GA4';
      await visible(row(dialog, 'kestrelcycling.com – GA4').getByText(said('Main')));

      await dialog.getByRole('button', { name: said(`Make main: ${next}`) }).click();

      await visible(row(dialog, next).getByText(said('Main')));
      await visible(row(dialog, 'kestrelcycling.com – GA4').getByText(said('Secondary')));
      await visible(dialog.getByRole('status').filter({ hasText: said(`${next} is now the main account.`) }));
      const changed = (await loggedEvent(page, 'dsw-main-changed')) as Record<string, unknown>;
      assert.equal(changed.sourceId, 'ga4');

      await page.reload();
      dialog = await openGa4(page);
      await visible(row(dialog, next).getByText(said('Main')));
      assert.equal((await connections(server, 'ga4')).find((c) => c.role === 'main')?.accountName, next);
      assert.deepEqual(faults(problems), []);
    });

    it('refreshes the data of an account: the update date moves and the host hears of it', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const dialog = await openGa4(page);
      const account = 'bluebirdcoffee.com – GA4';
      const before = (await connections(server, 'ga4')).find((c) => c.accountName === account)!;

      await dialog.getByRole('button', { name: said(`Refresh data of ${account}`) }).click();

      await visible(dialog.getByRole('status').filter({ hasText: said(`A data refresh of ${account} was requested.`) }));
      const detail = (await loggedEvent(page, 'dsw-refresh-requested')) as { connection: Connection };
      assert.equal(detail.connection.accountName, account);
      const after = (await connections(server, 'ga4')).find((c) => c.accountName === account)!;
      assert.ok(Date.parse(after.updatedAt!) > Date.parse(before.updatedAt!), 'the backend recorded the update');
      assert.deepEqual(faults(problems), []);
    });
  });
}

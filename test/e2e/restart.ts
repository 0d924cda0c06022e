// The backend restarts (same port, same database file) while a page is open: the page keeps
// working without a reload, an authorization started before the restart completes after it,
// and nothing done before or after is lost.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card, demoServer, gone, open, row, said, settingsDialog, visible, faults } from './helpers.js';

export function restartSuite(): void {
  describe('server restart', () => {
    it('loses nothing: an authorization across the restart, a delete after it, both there after a reload', async (t) => {
      let server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const hubspot = card(page, 'hubspot');
      await hubspot.getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'HubSpot');
      await visible(row(dialog, 'Orchid Travel – Marketing Hub'));

      // Action 1 starts before the restart and finishes after it: the pending state is persisted.
      const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByRole('button', { name: said('Add or Update Connector') }).click()]);
      await popup.getByRole('radio', { name: /^Brightwater Consulting\b/ }).check();
      server = await server.restart();
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', { name: said('Approve') }).click();
      await closed;
      await visible(row(dialog, 'Brightwater Consulting').getByText(said('Main')));

      // Action 2, after another restart, from the same page.
      server = await server.restart();
      // A write is followed by a load of its source (the store asks the endpoint what stands).
      const followUp = page.waitForResponse(
        (answer) => answer.request().method() === 'GET' && new URL(answer.url()).pathname.startsWith('/api/data-sources') && answer.url().includes('hubspot'),
      );
      await dialog.getByRole('button', { name: said('Delete Orchid Travel – Marketing Hub') }).click();
      await page.getByRole('alertdialog', { name: said('Delete this connection?') }).getByRole('button', { name: said('Delete') }).click();
      await gone(row(dialog, 'Orchid Travel – Marketing Hub'));
      await visible(dialog.getByRole('status').filter({ hasText: said('was deleted') }));

      // That load settles first: cut by the restart and retried, it could be in flight at the
      // reload, which aborts it (the test's doing, not a fault of the page).
      await followUp;
      server = await server.restart();
      await page.reload();
      await card(page, 'hubspot').getByRole('button', { name: said('Connection settings') }).click();
      const reloaded = settingsDialog(page, 'HubSpot');
      await visible(row(reloaded, 'Brightwater Consulting').getByText(said('Main')));
      assert.equal(await row(reloaded, 'Orchid Travel – Marketing Hub').count(), 0);
      const stored = (await (await fetch(`${server.url}/api/data-sources/hubspot/connections`, { headers: server.auth })).json()) as { items: { accountName: string }[] };
      assert.deepEqual(stored.items.map((c) => c.accountName).sort(), ['Brightwater Consulting', 'Bluebird Coffee CRM'].sort());
      await visible(row(reloaded, 'Bluebird Coffee CRM'));
      assert.deepEqual(faults(problems), []);
    });
  });
}

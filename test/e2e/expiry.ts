// An account whose authorization expires soon: Expiring in the dialog, then renewed by Re-connect
// through the real pop-up, over real HTTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizeInPopup, card, demoServer, open, row, said, settingsDialog, visible, faults } from './helpers.js';

interface Connection {
  accountName: string;
  status: string;
  expiresAt?: string | null;
}

export function expirySuite(): void {
  describe('expiry', () => {
    it('an expiring account re-connected becomes Active with a later expiry', async (t) => {
      const server = await demoServer(t);
      const source = async () => (await (await fetch(`${server.url}/api/data-sources/google-ads`, { headers: server.auth })).json()) as { connections: Connection[] };
      const soon = (await source()).connections.find((c) => c.expiresAt && Date.parse(c.expiresAt) - Date.now() < 7 * 86_400_000)!;
      assert.ok(soon, 'the seed has an account expiring within the week');
      const before = Date.parse(soon.expiresAt!);

      const { page, problems } = await open(t, `${server.url}/`);
      const google = card(page, 'google-ads');
      await visible(google.getByText(/expires soon/));
      await google.getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Google Ads');
      await dialog.getByRole('searchbox').fill(soon.accountName);
      const expiring = row(dialog, soon.accountName);
      await visible(expiring.getByText(said('Expiring')));
      await visible(expiring.getByText(/Expires\W{0,3}in (4|5) days/));

      await authorizeInPopup(page, expiring.getByRole('button', { name: /^Re-connect/ }), { approve: soon.accountName });

      await visible(expiring.getByText(said('Active')));
      const after = (await source()).connections.find((c) => c.accountName === soon.accountName)!;
      assert.equal(after.status, 'active');
      assert.ok(Date.parse(after.expiresAt!) > before + 30 * 86_400_000, `renewed: ${after.expiresAt} after ${soon.expiresAt}`);
      assert.deepEqual(faults(problems), []);
    });
  });
}

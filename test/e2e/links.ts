// Connect links and the activity history over real HTTP: a link made in one browser context is
// used in another (the link page, the provider, the callback), and the first page shows the new
// account without a reload; used and revoked links are refused; every action lands in the
// history, in order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { HistoryPage } from '../../src/api/types.js';
import { violations } from './axe.js';
import { authorizeInPopup, card, demoServer, gone, type DemoServer, loggedEvent, open, row, said, settingsDialog, visible, faults } from './helpers.js';

/** Opens the Links view from a card with nothing connected, and makes a link; returns its URL. */
async function makeLink(page: Page, sourceId: string, sourceName: string, recipient: string, note: string): Promise<{ dialog: Locator; url: string }> {
  await card(page, sourceId).getByRole('button', { name: said('Ask someone else to connect') }).click();
  const dialog = settingsDialog(page, sourceName);
  await visible(dialog.getByRole('heading', { name: said('Ask someone else to connect') }));
  await visible(dialog.getByText(said('No link is waiting to be used.')));
  await dialog.getByLabel('Their name or e-mail (optional)').fill(recipient);
  await dialog.getByLabel('Note for them (optional)').fill(note);
  await dialog.getByRole('button', { name: said('Create link') }).click();
  const field = dialog.getByLabel('Link to send');
  await visible(field);
  const url = await field.inputValue();
  assert.match(url, /\/api\/connect\/lnk_[\w-]+\/[\w-]{43}$/);
  return { dialog, url };
}

/** Uses a link in a browser context of its own (the teammate's), approving `account` at the provider. */
async function useLink(t: Parameters<typeof open>[0], url: string, sourceName: string, account: string): Promise<Page> {
  const { page } = await open(t, url);
  await visible(page.getByRole('heading', { name: `Connect a ${sourceName} account` }));
  await visible(page.getByText('Northwind Reports', { exact: false }).first());
  await page.getByRole('button', { name: `Continue to ${sourceName}` }).click();
  await page.getByRole('radio', { name: new RegExp(`^${account}\\b`) }).check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await visible(page.getByRole('heading', { name: `${sourceName} account connected` }));
  return page;
}

/** The history as the demo page's user (the first demo user) reads it. */
async function history(server: DemoServer, sourceId: string, query = ''): Promise<HistoryPage> {
  const response = await fetch(`${server.url}/api/data-sources/${sourceId}/history${query}`, { headers: server.auth });
  assert.equal(response.status, 200);
  return (await response.json()) as HistoryPage;
}

export function linksSuite(): void {
  describe('connect links and history', () => {
    it('a link made in one context and used in another adds the account in the first, without a reload', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const linkedin = card(page, 'linkedin-ads');
      await visible(linkedin.getByText(said('Not connected')));

      const { dialog, url } = await makeLink(page, 'linkedin-ads', 'LinkedIn Ads', 'maria@example.com', 'For the Q3 report, thanks!');
      const created = (await loggedEvent(page, 'dsw-connect-link-created')) as { sourceId: string; link: { recipient: string; url?: string } };
      assert.equal(created.link.recipient, 'maria@example.com');
      assert.equal(created.link.url, undefined, 'the event never carries the token');
      const mail = await dialog.getByRole('link', { name: said('Send by e-mail') }).getAttribute('href');
      assert.ok(mail?.startsWith('mailto:maria%40example.com?subject='), mail ?? '');
      assert.ok(decodeURIComponent(mail!).includes(url), 'the e-mail carries the link');

      // The teammate's page shows what they need: which product asks, which source, the note.
      const teammate = await open(t, url);
      await visible(teammate.page.getByText('For the Q3 report, thanks!'));
      assert.equal(await teammate.page.getByText('Bluebird Coffee').count(), 0, 'nothing of the account leaks to the link page');
      await teammate.context.close();
      await useLink(t, url, 'LinkedIn Ads', 'Summit Legal Partners');

      // Back on the first page, untouched: the poll brings the account within seconds.
      await visible(linkedin.getByText(said('1 account')));
      await visible(dialog.getByText(said('maria@example.com connected Summit Legal Partners.')));
      await visible(dialog.getByText(said('No link is waiting to be used.')));
      const used = (await loggedEvent(page, 'dsw-connect-link-used')) as { connection: { accountName: string; connectedBy: string } };
      assert.equal(used.connection.accountName, 'Summit Legal Partners');
      assert.equal(used.connection.connectedBy, 'maria@example.com');
      await dialog.getByRole('button', { name: said('Back to the accounts') }).click();
      await visible(row(dialog, 'Summit Legal Partners').getByText(said('Connected by maria@example.com')));

      // Used once, refused after.
      const again = await open(t, url);
      await visible(again.page.getByRole('heading', { name: 'This link was already used' }));
      assert.equal((await fetch(url)).status, 410);
      assert.deepEqual(faults(problems), []);
    });

    it('a manager login through a link: the teammate searches and chooses the accounts, from the keyboard, on the page after the sign-in, and the host page shows them', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const tiktok = card(page, 'tiktok-ads');
      await visible(tiktok.getByText(said('Not connected')));
      const { dialog, url } = await makeLink(page, 'tiktok-ads', 'TikTok Ads', 'maria@example.com', 'All our client accounts, please');

      const teammate = (await open(t, url)).page;
      await teammate.getByRole('button', { name: 'Continue to TikTok Ads' }).click();
      await teammate.getByRole('radio', { name: /^Agency manager account\b/ }).check();
      await teammate.getByRole('button', { name: 'Approve' }).click();
      await visible(teammate.getByRole('heading', { name: 'Choose the TikTok Ads accounts to connect' }));
      assert.deepEqual(await violations(teammate), []);
      // A search narrows the list (a manager login may reach hundreds), and "Select all shown"
      // ticks what it shows.
      await teammate.getByRole('searchbox', { name: 'Search accounts' }).fill('client 4');
      await visible(teammate.getByRole('status').filter({ hasText: '1 of 4 accounts shown' }));
      assert.equal(await teammate.getByRole('checkbox').count(), 1);
      await teammate.getByRole('button', { name: 'Select all shown' }).click();
      await teammate.getByRole('searchbox', { name: 'Search accounts' }).fill('');
      assert.equal(await teammate.getByRole('checkbox').count(), 4);
      // Then from the keyboard: the first box, Space; two boxes on, Space; the main account, and
      // the Connect button.
      await teammate.getByRole('button', { name: 'Select all shown' }).focus();
      await teammate.keyboard.press('Tab');
      assert.equal(await teammate.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim().split('ID')[0]), 'Agency manager account · client 1');
      await teammate.keyboard.press('Space');
      await teammate.keyboard.press('Tab');
      await teammate.keyboard.press('Tab');
      await teammate.keyboard.press('Space');
      await teammate.getByLabel('Main account').selectOption({ label: 'Agency manager account · client 3' });
      await teammate.getByRole('button', { name: 'Connect the chosen accounts' }).focus();
      await teammate.keyboard.press('Enter');
      await visible(teammate.getByRole('heading', { name: '3 TikTok Ads accounts connected' }));

      // Back on the host page, untouched: the poll brings the three accounts, the third one main.
      await visible(tiktok.getByText(said('3 accounts')));
      await dialog.getByRole('button', { name: said('Back to the accounts') }).click();
      for (const n of [1, 3, 4]) await visible(row(dialog, `Agency manager account · client ${n}`).getByText(said('Connected by maria@example.com')));
      await visible(row(dialog, 'Agency manager account · client 3').getByText(said('Main')));
      assert.equal((await fetch(url)).status, 410, 'the link is used up');
      assert.deepEqual(faults(problems), []);
    });

    it('a revoked link leaves the pending list and its page refuses it', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const { dialog, url } = await makeLink(page, 'tiktok-ads', 'TikTok Ads', 'sam@example.com', 'Thanks!');
      await dialog.getByRole('button', { name: said('Back to the accounts') }).click();
      await dialog.getByRole('button', { name: said('Ask someone else to connect') }).click();
      const pending = dialog.getByRole('listitem').filter({ hasText: said('For sam@example.com') });
      await visible(pending);

      await pending.getByRole('button', { name: said('Revoke') }).click();

      await gone(pending);
      await visible(dialog.getByText(said('The link was revoked: it no longer works.')));
      await loggedEvent(page, 'dsw-connect-link-revoked');
      const refused = await open(t, url);
      await visible(refused.page.getByRole('heading', { name: 'This link was cancelled' }));
      assert.equal((await fetch(url)).status, 410);
      // A wrong token for a real link reads as an unknown link.
      assert.equal((await fetch(url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status, 404);
      const { items } = await history(server, 'tiktok-ads');
      assert.deepEqual(
        items.slice(0, 2).map((e) => e.type),
        ['link_revoked', 'link_created'],
      );
      assert.deepEqual(faults(problems), []);
    });

    it('every action leaves its event in the history, in order; the History view shows them by day', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const before = (await history(server, 'facebook-ads')).items.map((e) => e.id);

      await card(page, 'facebook-ads').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Facebook Ads');
      await visible(row(dialog, 'Bluebird Coffee'));
      await authorizeInPopup(page, dialog.getByRole('button', { name: said('Add or Update Connector') }), { approve: 'Marigold Pet Supplies' });
      await visible(row(dialog, 'Marigold Pet Supplies').getByText(said('Main')));
      await dialog.getByRole('button', { name: said('Make main: Bluebird Coffee') }).click();
      await visible(row(dialog, 'Bluebird Coffee').getByText(said('Main')));
      await dialog.getByRole('button', { name: said('Refresh data of Bluebird Coffee') }).click();
      await visible(dialog.getByRole('status').filter({ hasText: said('A data refresh of Bluebird Coffee was requested.') }));
      await dialog.getByRole('button', { name: said('Delete Marigold Pet Supplies') }).click();
      await page.getByRole('alertdialog', { name: said('Delete this connection?') }).getByRole('button', { name: said('Delete') }).click();
      await gone(row(dialog, 'Marigold Pet Supplies'));

      const { items } = await history(server, 'facebook-ads');
      const added = items.filter((e) => !before.includes(e.id));
      assert.deepEqual(
        added.map((e) => [e.type, e.accountName, e.actor]),
        [
          // Each by the user the demo page signed in.
          ['deleted', 'Marigold Pet Supplies', 'Ada Moreau'],
          ['refreshed', 'Bluebird Coffee', 'Ada Moreau'],
          ['made_main', 'Bluebird Coffee', 'Ada Moreau'],
          ['connected', 'Marigold Pet Supplies', 'Ada Moreau'],
        ],
      );
      assert.ok(added.every((e, i) => i === 0 || e.at <= added[i - 1]!.at), 'newest first');

      await dialog.getByRole('button', { name: said('History') }).click();
      const view = dialog.getByRole('region', { name: said('History') });
      await visible(view);
      const today = view.getByRole('list').first();
      await visible(today.getByRole('listitem').filter({ hasText: said('Marigold Pet Supplies was deleted') }));
      const order = await today.getByRole('listitem').allTextContents();
      assert.ok(order.findIndex((text) => text.includes('was deleted')) < order.findIndex((text) => text.includes('was refreshed')));
      await view.getByLabel('Account').selectOption({ label: 'Bluebird Coffee' });
      await gone(view.getByText(said('Marigold Pet Supplies was deleted')));
      await visible(view.getByText(said('The data of Bluebird Coffee was refreshed')).first());
      assert.deepEqual(faults(problems), []);
    });

    it('a failing account’s “What happened?” opens its history, with the failure and its message', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      await card(page, 'hubspot').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'HubSpot');
      await dialog.getByRole('button', { name: said('What happened? History of Bluebird Coffee CRM') }).click();
      const view = dialog.getByRole('region', { name: said('History') });
      await visible(view.getByText(said('Bluebird Coffee CRM stopped working')));
      await visible(view.getByText(/expired after 90 days/));
      assert.equal(await view.getByLabel('Account').inputValue(), 'con_hs_01');
      assert.equal(await view.getByRole('listitem').filter({ hasText: said('Orchid Travel') }).count(), 0, 'only that account');
      await dialog.getByRole('button', { name: said('Back to the accounts') }).click();
      await visible(row(dialog, 'Orchid Travel – Marketing Hub'));
      assert.deepEqual(faults(problems), []);
    });
  });
}

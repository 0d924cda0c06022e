// The demo pages themselves: served under a strict CSP with Trusted Types, which the widgets
// work under; the no-build page (one script tag, stand-alone widgets with `endpoint`) works;
// the host page's event log and reset control do what they say.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizeInPopup, banner, card, demoServer, loggedEvent, open, row, said, settingsDialog, visible, faults } from './helpers.js';

const SOURCES = ['Google Ads', 'Facebook Ads', 'LinkedIn Ads', 'Google Analytics 4', 'HubSpot', 'TikTok Ads'];

export function pagesSuite(): void {
  describe('demo pages', () => {
    it('no-build page: stand-alone widgets render, connect through the pop-up and open their settings', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/no-build.html`);
      assert.equal(await page.locator('data-source-provider').count(), 0, 'no provider on this page');
      for (const name of SOURCES) await visible(page.getByRole('heading', { name, exact: true }));
      await visible(banner(page, 'hubspot').getByRole('region', { name: said('2 accounts need to be re-connected') }));

      const linkedin = card(page, 'linkedin-ads');
      await authorizeInPopup(page, linkedin.getByRole('button', { name: said('Connect') }), { approve: 'Cobalt Analytics – Recruiting' });
      await linkedin.getByRole('button', { name: said('Connection settings') }).click();
      await visible(row(settingsDialog(page, 'LinkedIn Ads'), 'Cobalt Analytics – Recruiting').getByText(said('Main')));
      assert.deepEqual(faults(problems), []);
    });

    it('both pages run under script-src \'self\' and enforced Trusted Types, with no violation', async (t) => {
      const server = await demoServer(t);
      for (const path of ['/', '/no-build.html']) {
        const { page, problems } = await open(t, server.url + path);
        const policy = (await page.request.get(server.url + path)).headers()['content-security-policy'] ?? '';
        assert.match(policy, /script-src 'self'/);
        assert.match(policy, /require-trusted-types-for 'script'/);
        await visible(card(page, 'ga4').getByRole('button', { name: said('Connection settings') }));
        assert.deepEqual(problems, [], path);
        // The policy is really enforced in this page: a raw HTML sink throws (and logs an error).
        const sink = await page.evaluate(() => {
          try {
            document.createElement('div').innerHTML = '<img src=x>';
            return 'allowed';
          } catch (error) {
            return (error as Error).name;
          }
        });
        assert.equal(sink, 'TypeError', `${path}: Trusted Types enforced`);
      }
    });

    it('host page: the event log shows each dsw-* event as text, and Reset restores the seed', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      for (const name of SOURCES) await visible(page.getByRole('heading', { name, exact: true }));

      await card(page, 'facebook-ads').getByRole('button', { name: said('Connection settings') }).click();
      const dialog = settingsDialog(page, 'Facebook Ads');
      assert.deepEqual(await loggedEvent(page, 'dsw-open-settings-request'), { sourceId: 'facebook-ads' });
      await dialog.getByRole('button', { name: said('Delete Bluebird Coffee') }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: said('Delete') }).click();
      await loggedEvent(page, 'dsw-connection-removed');
      await dialog.getByRole('button', { name: said('Close') }).click();
      await loggedEvent(page, 'dsw-dialog-closed');
      await visible(card(page, 'facebook-ads').getByRole('button', { name: said('Connect') }));

      await page.getByRole('button', { name: said('Reset the demo data') }).click();
      await visible(page.getByRole('status').filter({ hasText: said('The demo data was reset') }));
      await visible(card(page, 'facebook-ads').getByRole('button', { name: said('Connection settings') }));
      assert.deepEqual(faults(problems), []);
    });

    it('host page: a card and a banner inside an underlined or struck-through box (a link around a card) draw no line', async (t) => {
      const server = await demoServer(t);
      const { page, problems } = await open(t, `${server.url}/`);
      const widgets = [card(page, 'facebook-ads'), banner(page, 'hubspot')];
      await visible(widgets[0]!.getByText(said('1 account')));
      await visible(widgets[1]!.getByRole('region', { name: said('2 accounts need to be re-connected') }));
      // Each in a block of its own, so that only the decoration changes between the two looks.
      await page.evaluate(() => {
        document.querySelectorAll('data-source-card[source="facebook-ads"], reconnect-banner[source="hubspot"]').forEach((widget) => {
          const box = document.createElement('div');
          box.className = 'decorated';
          widget.before(box);
          box.append(widget);
        });
      });
      const look = () => Promise.all(widgets.map((widget) => widget.screenshot()));
      const plain = await look();
      await page.evaluate(() => {
        document.querySelectorAll<HTMLElement>('.decorated').forEach((box) => (box.style.textDecoration = 'underline line-through'));
      });
      const decorated = await look();
      assert.ok(plain[0]!.equals(decorated[0]!), 'the card looks the same');
      assert.ok(plain[1]!.equals(decorated[1]!), 'the banner looks the same');
      assert.deepEqual(faults(problems), []);
    });
  });
}

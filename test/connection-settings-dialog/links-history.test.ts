// The dialog's Links and History views against the msw endpoint: making a link (shown once,
// Copy, e-mail), a link used elsewhere, Revoke and its focus, the history's days, pages, filter
// and "What happened?".
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { connections, sampleHistory, sampleLinks } from '../../mocks/data.js';
import { useLink } from '../../mocks/links.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { visible } from '../helpers/text.js';
import { setup } from './helpers.js';

const text = (node: Element | null | undefined) => visible(node?.textContent ?? '');
const active = (el: ConnectionSettingsDialog) => el.shadowRoot!.activeElement as HTMLElement | null;

async function view(el: ConnectionSettingsDialog, name: 'links' | 'history', ready: string): Promise<ShadowRoot> {
  el.view = name;
  await waitUntil(() => el.shadowRoot!.querySelector(ready), `the ${name} view`);
  await el.updateComplete;
  return el.shadowRoot!;
}

describe('connection-settings-dialog: connect links', () => {
  it('makes a link: its URL shown once with Copy and an e-mail, an event without the token, the link then pending', async () => {
    const { el } = await setup(connections(1));
    const root = await view(el, 'links', '.link-form');
    expect(text(root.querySelector('.pending-title + .note'))).to.equal('No link is waiting to be used.');
    root.querySelector<HTMLInputElement>('#link-recipient')!.value = 'maria@example.com';
    root.querySelector<HTMLTextAreaElement>('#link-note')!.value = 'For Q3';
    root.querySelector<HTMLSelectElement>('#link-days')!.value = '3';
    const created = oneEvent(el, 'dsw-connect-link-created');
    root.querySelector<HTMLButtonElement>('[part~="create-link-button"]')!.click();
    const { detail } = await created;
    expect(detail.link.recipient).to.equal('maria@example.com');
    expect(JSON.stringify(detail)).not.to.contain('/connect/');
    expect(Date.parse(detail.link.expiresAt) - Date.parse(detail.link.createdAt)).to.equal(3 * 86_400_000);

    await waitUntil(() => root.querySelector('#link-url'), 'the new link');
    const url = root.querySelector<HTMLInputElement>('#link-url')!.value;
    expect(url).to.match(/\/connect\/lnk_mock_\d+\/T{43}$/);
    await waitUntil(() => active(el)?.id === 'link-url', 'focus on the new link');
    const mail = root.querySelector<HTMLAnchorElement>('[part~="email-link-button"]')!.href;
    expect(mail.startsWith('mailto:maria%40example.com?subject=')).to.equal(true);
    expect(decodeURIComponent(mail)).to.contain(url).and.to.contain('For Q3');
    expect(text(root.querySelector('[part~="pending-link"]'))).to.contain('For maria@example.com');
    await expect(el).to.be.accessible();

    // Left and come back to: the URL is gone for good, the link stays pending.
    el.view = 'accounts';
    await el.updateComplete;
    await view(el, 'links', '[part~="pending-link"]');
    expect(el.shadowRoot!.querySelector('#link-url')).to.equal(null);
  });

  it('a link used elsewhere: the account arrives, the host hears who connected it, the link leaves the list', async () => {
    const { el, provider, endpoint } = await setup(connections(1));
    const source = endpoint.sources.get('google-ads')!;
    source.links = sampleLinks();
    await provider.store!.reload('google-ads');
    const root = await view(el, 'links', '[part~="pending-link"]');
    expect(root.querySelectorAll('[part~="pending-link"]')).to.have.length(2);

    useLink(source, 'lnk_1', { accountName: 'Quayside Bakery', accountId: '318-552-0147' });
    const used = oneEvent(el, 'dsw-connect-link-used');
    // What the poll does every few seconds while links are pending.
    await provider.store!.load('google-ads', { force: true });
    const { detail } = await used;
    expect(detail.connection.accountName).to.equal('Quayside Bakery');
    expect(detail.link?.id).to.equal('lnk_1');
    await waitUntil(() => root.querySelectorAll('[part~="pending-link"]').length === 1, 'the used link leaves the list');
    expect([...root.querySelectorAll('[part~="message"]')].map(text)).to.include('maria@bluebird.example connected Quayside Bakery.');

    el.view = 'accounts';
    await waitUntil(() => root.querySelector('tr[data-id="conn_link_lnk_1"]'), 'the new row');
    expect(text(root.querySelector('tr[data-id="conn_link_lnk_1"] .by'))).to.equal('Connected by maria@bluebird.example');
  });

  it('revokes a link: it leaves the list, focus moves to the next Revoke, the host hears of it', async () => {
    const { el, endpoint } = await setup(connections(1));
    endpoint.sources.get('google-ads')!.links = sampleLinks();
    const root = await view(el, 'links', '[part~="pending-link"]');
    const [first, second] = root.querySelectorAll<HTMLButtonElement>('[part~="revoke-link-button"]');
    first!.focus();
    const revoked = oneEvent(el, 'dsw-connect-link-revoked');
    first!.click();
    expect((await revoked).detail.link.id).to.equal('lnk_1');
    await waitUntil(() => root.querySelectorAll('[part~="pending-link"]').length === 1, 'the link leaves');
    await waitUntil(() => active(el) === second, 'focus on the next Revoke');
    expect(endpoint.sources.get('google-ads')!.links![0]!.status).to.equal('revoked');
  });
});

describe('connection-settings-dialog: history', () => {
  it('lists the events by day under headings, each with a focusable time, and pages with Show older', async () => {
    const list = connections(3, [1]);
    const { el, endpoint } = await setup(list);
    endpoint.sources.get('google-ads')!.history = sampleHistory(list, 40);
    const root = await view(el, 'history', '[part~="history-event"]');
    const days = root.querySelectorAll('.day');
    expect(days.length).to.be.greaterThan(3);
    for (const day of days) {
      const heading = day.querySelector('h4')!;
      expect(day.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(day.querySelector('ul > li')).to.not.equal(null);
    }
    const time = root.querySelector<HTMLTimeElement>('[part~="history-event"] time')!;
    expect(time.tabIndex).to.equal(0);
    expect(Number.isNaN(Date.parse(time.dateTime))).to.equal(false);
    expect(root.querySelectorAll('[part~="history-event"]')).to.have.length(25);
    expect(text(root.querySelector('#history-count'))).to.equal('25 events shown');
    await expect(el).to.be.accessible();

    const older = root.querySelector<HTMLButtonElement>('[part~="show-older-button"]')!;
    older.focus();
    older.click();
    await waitUntil(() => root.querySelectorAll('[part~="history-event"]').length === 40, 'the older page');
    expect(text(root.querySelector('#history-count'))).to.equal('40 events shown');
    expect(root.querySelector('[part~="show-older-button"]')).to.equal(null);
    const times = [...root.querySelectorAll<HTMLTimeElement>('[part~="history-event"] time')].map((t) => t.dateTime);
    expect([...times].sort().reverse()).to.deep.equal(times);
  });

  it('"What happened?" on a failing row shows that account alone; Back returns to the button', async () => {
    const list = connections(3, [1]);
    const { el, endpoint } = await setup(list);
    endpoint.sources.get('google-ads')!.history = sampleHistory(list, 30);
    const root = el.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('tr[data-id="conn_2"] [part~="what-happened-button"]')!;
    expect(visible(button.getAttribute('aria-label') ?? '')).to.equal('What happened? History of Account 2');
    button.click();
    await waitUntil(() => root.querySelector('[part~="history-event"]'), 'the history');
    expect(root.querySelector<HTMLSelectElement>('#history-filter')!.value).to.equal('conn_2');
    const events = [...root.querySelectorAll('[part~="history-event"]')].map(text);
    expect(events.every((line) => line.includes('Account 2'))).to.equal(true);
    expect(events.some((line) => line.includes('stopped working'))).to.equal(true);
    await waitUntil(() => active(el)?.id === 'panel-title', 'focus on the view');

    root.querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await waitUntil(() => active(el)?.getAttribute('data-history') === 'conn_2', 'focus back on What happened?');
  });

  it('says when nothing was recorded, for all accounts or one', async () => {
    const { el, endpoint } = await setup(connections(2));
    endpoint.sources.get('google-ads')!.history = [];
    const root = await view(el, 'history', '.history .note:not([aria-busy])');
    expect(text(root.querySelector('.history .note'))).to.equal('Nothing has happened to these connections yet.');
    const filter = root.querySelector<HTMLSelectElement>('#history-filter')!;
    filter.value = 'conn_2';
    filter.dispatchEvent(new Event('change'));
    await waitUntil(() => text(root.querySelector('.history .note')) === 'Nothing is recorded for Account 2.', 'the filtered empty state');
  });
});

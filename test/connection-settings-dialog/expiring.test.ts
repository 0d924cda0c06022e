import { expect, oneEvent } from '@open-wc/testing';
import { connection, expiringConnection } from '../../mocks/data.js';
import { installFakePopup, providerState, type FakePopup } from '../../mocks/popup.js';
import { forgetExpiryAnnouncements } from '../../src/controllers/expiry.js';
import type { ConnectionExpiringEvent } from '../../src/events/connection-expiring.js';
import { button, message, row, setup, text, until } from './helpers.js';

const DAY = 86_400_000;

describe('connection-settings-dialog: expiring accounts', function () {
  this.timeout(20000);
  let popup: FakePopup;
  beforeEach(() => {
    forgetExpiryAnnouncements();
    popup = installFakePopup();
  });
  afterEach(() => popup.restore());

  it('shows Expiring with its own icon, the word and the time left under the account', async () => {
    const { el } = await setup([connection(0), expiringConnection(1, 5), expiringConnection(2, 20)]);
    const expiring = row(el, 'conn_2')!;
    const status = expiring.querySelector('.status')!;
    expect(text(status)).to.equal('Expiring');
    expect(status.classList.contains('expiring')).to.equal(true);
    expect(status.querySelector('svg')).to.not.equal(null);
    expect(text(expiring.querySelector('time.expires'))).to.equal('Expires in 5 days');
    expect(text(row(el, 'conn_1')!.querySelector('.status'))).to.equal('Active');
    // 20 days away is outside the 7-day window: plain Active, no Re-connect.
    expect(text(row(el, 'conn_3')!.querySelector('.status'))).to.equal('Active');
    expect(row(el, 'conn_3')!.querySelector('[data-action="reconnect"]')).to.equal(null);
    const reconnect = button(el, 'conn_2', 'reconnect');
    expect(reconnect.getAttribute('aria-describedby')).to.equal(expiring.querySelector('time.expires')!.id);
    await expect(el).to.be.accessible();
  });

  it('differs from the error status in icon and word', async () => {
    const failing = connection(0, { status: 'error', error: { code: 'expired', message: 'The authorization expired.' } });
    const { el } = await setup([failing, expiringConnection(1, 3)]);
    const [error, expiring] = [row(el, 'conn_1')!, row(el, 'conn_2')!].map((r) => r.querySelector('.status')!);
    expect(text(error)).to.equal('Error');
    expect(text(expiring)).to.equal('Expiring');
    expect(error.querySelector('svg')!.innerHTML).to.not.equal(expiring.querySelector('svg')!.innerHTML);
  });

  it('says the time left in the widget locale, with the exact date and time on focus', async () => {
    const { el, root } = await setup([expiringConnection(0, 2)], { locale: 'de-DE' });
    const time = row(el, 'conn_1')!.querySelector<HTMLTimeElement>('time.expires')!;
    expect(text(time)).to.equal('Läuft in 2 Tagen ab');
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    time.focus();
    expect(tip.matches(':popover-open')).to.equal(true);
    const full = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeStyle: 'long' }).format(Date.parse(time.dateTime));
    expect(text(tip)).to.equal(full);
    expect(time.getAttribute('aria-describedby')).to.equal(tip.id);
    time.blur();
    expect(tip.matches(':popover-open')).to.equal(false);
  });

  it('counts hours on the last day', async () => {
    const { el } = await setup([expiringConnection(0, 5 / 24)]);
    expect(text(row(el, 'conn_1')!.querySelector('time.expires'))).to.equal('Expires in 5 hours');
  });

  it('follows the window of the data source, and the expiry-warning-days of the widget over it', async () => {
    const { el, endpoint } = await setup([expiringConnection(0, 10)], { mock: {} });
    expect(text(row(el, 'conn_1')!.querySelector('.status'))).to.equal('Active');
    endpoint.sources.get('google-ads')!.expiryWarningDays = 14;
    el.closest('data-source-provider')!.store!.reload('google-ads');
    await until(el, () => text(row(el, 'conn_1')!.querySelector('.status')) === 'Expiring');
    el.expiryWarningDays = 3;
    await until(el, () => text(row(el, 'conn_1')!.querySelector('.status')) === 'Active');
  });

  it('renews an Expiring account with its Re-connect: Active again, with a later expiry', async () => {
    const { el, endpoint } = await setup([connection(0), expiringConnection(1, 5)]);
    const before = Date.parse(endpoint.sources.get('google-ads')!.connections[1]!.expiresAt!);
    button(el, 'conn_2', 'reconnect').click();
    const state = await providerState(popup);
    const outcome = endpoint.complete(state);
    const reconnected = oneEvent(el, 'dsw-connection-reconnected');
    popup.post({ type: 'dsw-authorization', ...outcome });
    expect((await reconnected).detail.connection.id).to.equal('conn_2');
    await until(el, () => text(row(el, 'conn_2')!.querySelector('.status')) === 'Active');
    expect(row(el, 'conn_2')!.querySelector('[data-action="reconnect"]')).to.equal(null);
    expect(Date.parse(endpoint.sources.get('google-ads')!.connections[1]!.expiresAt!)).to.be.greaterThan(before + 50 * DAY);
    expect(message(el)).to.equal('Account 2 is connected again.');
  });

  it('fires dsw-connection-expiring once per account, when the open dialog first shows it', async () => {
    const seen: ConnectionExpiringEvent[] = [];
    const listener = (event: ConnectionExpiringEvent) => seen.push(event);
    document.addEventListener('dsw-connection-expiring', listener);
    try {
      const { el } = await setup([connection(0), expiringConnection(1, 5)], { open: false });
      await el.updateComplete;
      expect(seen, 'nothing shown while closed').to.have.length(0);
      el.show();
      await until(el, () => seen.length === 1);
      expect(seen[0]!.detail.sourceId).to.equal('google-ads');
      expect(seen[0]!.detail.connection.id).to.equal('conn_2');
      expect(seen[0]!.detail.expiresAt).to.equal(seen[0]!.detail.connection.expiresAt);
      el.close();
      await el.updateComplete;
      el.show();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(seen).to.have.length(1);
    } finally {
      document.removeEventListener('dsw-connection-expiring', listener);
    }
  });
});

import { expect, html } from '@open-wc/testing';
import { connection, connections, expiringConnection, googleAds } from '../../mocks/data.js';
import type { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import { forgetExpiryAnnouncements } from '../../src/controllers/expiry.js';
import type { ConnectionExpiringEvent } from '../../src/events/connection-expiring.js';
import { SLOW, cardLoaded, part, serve, text, underProvider, until } from './helpers.js';

async function card(): Promise<DataSourceCard> {
  const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>`);
  return provider.querySelector('data-source-card')!;
}

describe('data-source-card: expiring accounts', function () {
  this.timeout(SLOW);
  beforeEach(() => forgetExpiryAnnouncements());

  it('counts Expiring accounts apart, in a calmer tone than errors', async () => {
    await serve([googleAds([connection(0), expiringConnection(1, 5), connection(2)])]);
    const el = await card();
    await cardLoaded(el);
    const summary = part(el, 'summary')!;
    expect(text(summary)).to.equal('3 accounts, 1 expires soon');
    const icon = summary.querySelector('.expiring svg')!;
    // The warning colour (amber), not the danger red; no inline failure, no red Re-connect.
    expect(getComputedStyle(icon).color).to.equal('rgb(180, 83, 9)');
    expect(part(el, 'failures')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says both when accounts fail and others expire, and plural forms in the count', async () => {
    const list = [...connections(2, [1]), expiringConnection(2, 1), expiringConnection(3, 6)];
    await serve([googleAds(list)]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('4 accounts, 1 needs attention, 2 expire soon');
  });

  it('leaves an expiry outside the window out, and follows expiry-warning-days', async () => {
    await serve([googleAds([connection(0), expiringConnection(1, 10)])]);
    const el = await card();
    await cardLoaded(el);
    expect(text(part(el, 'summary'))).to.equal('2 accounts');
    el.setAttribute('expiry-warning-days', '14');
    await until(() => text(part(el, 'summary')) === '2 accounts, 1 expires soon', 'the wider window');
  });

  it('fires dsw-connection-expiring once, though a card, a banner and a dialog all show the account', async () => {
    await serve([googleAds([connection(0), expiringConnection(1, 5)])]);
    const seen: ConnectionExpiringEvent[] = [];
    const listener = (event: ConnectionExpiringEvent) => seen.push(event);
    document.addEventListener('dsw-connection-expiring', listener);
    try {
      const provider = await underProvider(html`
        <reconnect-banner source="google-ads"></reconnect-banner>
        <data-source-card source="google-ads"></data-source-card>
        <connection-settings-dialog source="google-ads" open></connection-settings-dialog>
      `);
      const el = provider.querySelector('data-source-card')!;
      await cardLoaded(el);
      await until(() => seen.length > 0, 'an expiring event');
      for (const widget of provider.children) await (widget as DataSourceCard).updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).to.have.length(1);
      expect(seen[0]!.detail).to.include({ sourceId: 'google-ads', expiresAt: seen[0]!.detail.connection.expiresAt });
      expect(seen[0]!.detail.connection.id).to.equal('conn_2');
    } finally {
      document.removeEventListener('dsw-connection-expiring', listener);
    }
  });
});

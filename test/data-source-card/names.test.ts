// Buttons repeated on a page say where they act: "Connection settings: Google Ads", while the
// visible text stays "Connection settings" (and starts the name, WCAG label in name).
import { expect, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/reconnect-banner.js';
import { connections, googleAds } from '../../mocks/data.js';
import { visible } from '../helpers/text.js';
import { SLOW, cardLoaded, part, serve, text, underProvider } from './helpers.js';

describe('data-source-card: names that say where they act', function () {
  this.timeout(SLOW);

  it('Connect and Connection settings carry their data source in their accessible name', async () => {
    await serve([googleAds([]), { ...googleAds(connections(1)), id: 'facebook-ads', name: 'Facebook Ads' }]);
    const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>`);
    const [google, facebook] = [...provider.querySelectorAll('data-source-card')];
    await cardLoaded(google!);
    await cardLoaded(facebook!);
    expect(text(part(google!, 'connect-button'))).to.equal('Connect');
    expect(visible(part(google!, 'connect-button')!.getAttribute('aria-label'))).to.equal('Connect: Google Ads');
    expect(text(part(facebook!, 'settings-button'))).to.equal('Connection settings');
    expect(visible(part(facebook!, 'settings-button')!.getAttribute('aria-label'))).to.equal('Connection settings: Facebook Ads');
    await expect(provider).to.be.accessible();
  });

  it('a host that renames the button keeps its own text first in the name', async () => {
    await serve([googleAds([])]);
    const provider = await underProvider(html`<data-source-card source="google-ads" .strings=${{ connect: 'Link account' }}></data-source-card>`);
    const card = provider.querySelector('data-source-card')!;
    await cardLoaded(card);
    expect(visible(part(card, 'connect-button')!.getAttribute('aria-label'))).to.equal('Link account: Google Ads');
    await expect(card).to.be.accessible();
  });

  it('no two buttons of a page of cards and banners share a name, and each name holds its visible text', async () => {
    // Two data sources, each with two failing accounts: Re-connect, the pager, Open connection
    // settings, Dismiss and Connection settings, twice over.
    const long = 'Facebook Ads for the Northwind Outfitters International Holdings group';
    await serve([googleAds(connections(2, [0, 1])), { ...googleAds(connections(2, [0, 1])), id: 'facebook-ads', name: long }]);
    const provider = await underProvider(html`<reconnect-banner source="google-ads"></reconnect-banner>
      <reconnect-banner source="facebook-ads"></reconnect-banner>
      <data-source-card source="google-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>`);
    for (const card of provider.querySelectorAll('data-source-card')) await cardLoaded(card);
    await waitUntil(() => [...provider.querySelectorAll('reconnect-banner')].every((b) => b.shadowRoot!.querySelector('[part~="pager"]')), 'banners');
    type Node = { role: string; name: string; description?: string; children: Node[] };
    const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
    const names = async (tag: string) => {
      const trees = await Promise.all(
        [...provider.querySelectorAll(tag)].map((el, i) => {
          el.id = `${tag}-${i}`;
          return executeServerCommand('ax-tree', { selectors: [`#${el.id}`] }) as Promise<Node[]>;
        }),
      );
      const nodes = trees.flatMap((tree) => flat(tree));
      // No description that repeats the name (a title equal to the label, say).
      const repeats = nodes.filter((n) => n.description && visible(n.name).includes(visible(n.description)));
      expect(repeats.map((n) => `${n.role} "${visible(n.name)}"`), `${tag}: descriptions repeating the name`).to.deep.equal([]);
      return nodes.filter((n) => n.role === 'button').map((n) => visible(n.name));
    };
    const banners = await names('reconnect-banner');
    const cards = await names('data-source-card');
    // A card and its banner may offer the same action on the same account; within each kind, none is repeated.
    expect(banners.length + cards.length).to.equal(18);
    for (const list of [banners, cards]) expect(list.filter((name, i) => list.indexOf(name) !== i), 'names used twice').to.deep.equal([]);
    expect([...banners, ...cards]).to.include.members([
      'Re-connect Account 1: Google Ads',
      `Re-connect Account 1: ${long}`,
      'Open connection settings: Google Ads',
      `Dismiss: ${long}`,
      'Next account: Google Ads',
      `Previous account: ${long}`,
      'Connection settings: Google Ads',
    ]);
    // Each button's visible text is inside its name (label in name).
    const buttons = [...provider.querySelectorAll('data-source-card, reconnect-banner')].flatMap((el) => [...el.shadowRoot!.querySelectorAll('button')]);
    for (const button of buttons) {
      const label = visible(button.getAttribute('aria-label') ?? button.textContent);
      expect(label, label).to.contain(visible(button.textContent));
    }
  });
});

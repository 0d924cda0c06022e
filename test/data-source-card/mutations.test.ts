// One card's change re-renders that card only, and a reload that changed nothing touches no
// card: DOM mutations counted in every card's shadow root (deterministic, unlike times).
import { expect, html } from '@open-wc/testing';
import { connection, connections, googleAds } from '../../mocks/data.js';
import { en } from '../../src/strings/en.js';
import { SLOW, cardLoaded, part, serve, text, underProvider } from './helpers.js';

/** Counts the card's renders (Lit commits only changed values, so mutations alone cannot tell). */
function countRenders(card: Element): { count: number } {
  const counter = { count: 0 };
  const widget = card as unknown as { render(): unknown };
  const render = widget.render.bind(widget);
  widget.render = () => {
    counter.count++;
    return render();
  };
  return counter;
}

function record(root: ShadowRoot): MutationRecord[] {
  const records: MutationRecord[] = [];
  new MutationObserver((list) => records.push(...list)).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return records;
}

const BUSY = '.skeleton, [aria-busy="true"]';
const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('data-source-card: updates touch only what changed', function () {
  this.timeout(SLOW);

  it("a change to one source re-renders that source's card only; an unchanged reload, none", async () => {
    const endpoint = await serve([googleAds(connections(2)), { ...googleAds(connections(3)), id: 'facebook-ads', name: 'Facebook Ads' }]);
    const provider = await underProvider(html`<data-source-card source="google-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>`);
    const [google, facebook] = [...provider.querySelectorAll('data-source-card')];
    await cardLoaded(google!);
    await cardLoaded(facebook!);
    await settle();
    const googleMutations = record(google!.shadowRoot!);
    const facebookMutations = record(facebook!.shadowRoot!);
    const [googleRenders, facebookRenders] = [countRenders(google!), countRenders(facebook!)];

    // Nothing changed at the endpoint: both reload, neither card is touched.
    await Promise.all([provider.store!.load('google-ads', { force: true }), provider.store!.load('facebook-ads', { force: true })]);
    await settle();
    expect(googleMutations.length + facebookMutations.length, 'an unchanged reload').to.equal(0);
    expect([googleRenders.count, facebookRenders.count], 'not even rendered').to.deep.equal([0, 0]);

    // One account more on Facebook Ads only.
    endpoint.sources.get('facebook-ads')!.connections.push(connection(3));
    await Promise.all([provider.store!.load('google-ads', { force: true }), provider.store!.load('facebook-ads', { force: true })]);
    await settle();
    expect(text(part(facebook!, 'summary'))).to.equal(en.accountCount(4));
    expect(facebookMutations.length).to.be.greaterThan(0);
    expect(googleMutations, 'the other card').to.deep.equal([]);
    expect(googleRenders.count, 'the other card is not rendered').to.equal(0);
  });
});

describe('data-source-card: first render', function () {
  this.timeout(SLOW);

  it('data that comes within a moment renders at once: no skeleton built, the height held meanwhile', async () => {
    // Within the moment the card waits, with time for a frame before the data comes.
    await serve([googleAds(connections(2))], { latency: 80 });
    const wrapper = document.createElement('div');
    wrapper.style.inlineSize = '420px';
    document.body.append(wrapper);
    const provider = document.createElement('data-source-provider');
    provider.setAttribute('endpoint', '/api');
    const card = document.createElement('data-source-card');
    card.setAttribute('source', 'google-ads');
    provider.append(card);
    wrapper.append(provider);
    const shown = record(card.shadowRoot!);
    // A frame before the data: the card has not rendered, yet holds the height of its header.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(card.shadowRoot!.childElementCount, 'not rendered yet').to.equal(0);
    const waiting = card.getBoundingClientRect().height;
    await cardLoaded(card);
    const skeletons = shown.flatMap((r) => [...r.addedNodes]).filter((n) => n instanceof Element && (n.matches(BUSY) || n.querySelector(BUSY)));
    expect(skeletons, 'no placeholder was rendered').to.deep.equal([]);
    expect(waiting).to.be.greaterThan(0);
    expect(waiting).to.be.at.most(card.getBoundingClientRect().height);
    expect(card.getBoundingClientRect().height - waiting, 'the page shifts by a few px at most').to.be.below(12);
    wrapper.remove();
  });
});

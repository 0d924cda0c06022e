import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { http, HttpResponse } from 'msw';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { localizationContext, storeContext } from '../../src/context/keys.js';
import { LocaleController } from '../../src/controllers/locale-controller.js';
import { SourceController } from '../../src/controllers/source-controller.js';
import { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import '../../src/define/data-source-provider.js';
import { connections, googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { requests, useHandlers } from '../helpers/msw.js';
import { visible } from '../helpers/text.js';
import type { Strings } from '../../src/strings/strings.js';

/** The smallest widget: what the real ones do with the controllers, rendered as text. */
class SourceProbe extends LitElement {
  static override properties = { source: {}, endpoint: {} };
  source = '';
  endpoint?: string;
  strings?: Partial<Strings>;
  locale?: string;
  readonly data = new SourceController(this);
  readonly l10n = new LocaleController(this, this.data);
  protected override render() {
    const { status, connections } = this.data.state;
    return `${status}:${connections.length}:${this.l10n.strings.connect}`;
  }
}
customElements.define('source-probe', SourceProbe);

const text = (el: Element) => visible(el.shadowRoot!.textContent);
const settled = (...probes: SourceProbe[]) =>
  waitUntil(() => probes.every((p) => p.data.state.status === 'ready' || p.data.state.status === 'error'));

describe('data-source-provider and the source controller', () => {
  beforeEach(() => useHandlers(...mockEndpoint([googleAds(connections(2))]).handlers));

  it('hands one store to every widget inside: three widgets, one request', async () => {
    const provider = await fixture<DataSourceProvider>(html`
      <data-source-provider endpoint="/api">
        <source-probe source="google-ads"></source-probe>
        <source-probe source="google-ads"></source-probe>
        <div><source-probe source="google-ads"></source-probe></div>
      </data-source-provider>
    `);
    const probes = [...provider.querySelectorAll<SourceProbe>('source-probe')];
    await settled(...probes);
    for (const probe of probes) {
      expect(probe.data.store).to.equal(provider.store);
      await probe.updateComplete;
      expect(text(probe)).to.equal('ready:2:Connect');
    }
    expect(requests).to.deep.equal(['GET /api/data-sources/google-ads']);
  });

  it('starts a new cache when its endpoint changes', async () => {
    await useHandlers(
      ...mockEndpoint([googleAds(connections(2))]).handlers,
      ...mockEndpoint([googleAds(connections(5))], { base: '/api/v2' }).handlers,
    );
    const provider = await fixture<DataSourceProvider>(html`
      <data-source-provider endpoint="/api"><source-probe source="google-ads"></source-probe></data-source-provider>
    `);
    const probe = provider.querySelector<SourceProbe>('source-probe')!;
    await settled(probe);
    const first = provider.store;
    provider.endpoint = '/api/v2';
    await provider.updateComplete;
    expect(provider.store).to.not.equal(first);
    await waitUntil(() => probe.data.state.connections.length === 5);
    expect(requests).to.deep.equal(['GET /api/data-sources/google-ads', 'GET /api/v2/data-sources/google-ads']);
  });

  it('passes text overrides down; a widget’s own override wins', async () => {
    const provider = await fixture<DataSourceProvider>(html`
      <data-source-provider endpoint="/api" .strings=${{ connect: 'Verbinden' }}>
        <source-probe source="google-ads"></source-probe>
        <source-probe source="google-ads" .strings=${{ connect: 'Koppelen' }}></source-probe>
      </data-source-provider>
    `);
    const [a, b] = provider.querySelectorAll<SourceProbe>('source-probe');
    await settled(a!, b!);
    await a!.updateComplete;
    expect(text(a!)).to.equal('ready:2:Verbinden');
    expect(text(b!)).to.equal('ready:2:Koppelen');
  });

  it('outside any provider, widgets with the same endpoint share one store and one request', async () => {
    // An endpoint of its own: stand-alone stores live for the page, so '/api' may be cached already.
    await useHandlers(...mockEndpoint([googleAds(connections(2))], { base: '/api/solo' }).handlers);
    const root = await fixture<HTMLElement>(html`
      <div>
        <source-probe source="google-ads" endpoint="/api/solo"></source-probe>
        <source-probe source="google-ads" endpoint="/api/solo"></source-probe>
      </div>
    `);
    const [a, b] = root.querySelectorAll<SourceProbe>('source-probe');
    await settled(a!, b!);
    expect(a!.data.store).to.equal(b!.data.store);
    expect(a!.data.state.connections).to.have.length(2);
    expect(requests).to.deep.equal(['GET /api/solo/data-sources/google-ads']);
  });

  it('with neither provider nor endpoint stays idle and sends nothing', async () => {
    const probe = await fixture<SourceProbe>(html`<source-probe source="google-ads"></source-probe>`);
    await probe.updateComplete;
    expect(probe.data.store).to.equal(undefined);
    expect(text(probe)).to.equal('idle:0:Connect');
    expect(requests).to.deep.equal([]);
  });

  it('reports a failed load once, from the widget whose subscription started it', async () => {
    await useHandlers(
      http.get('/api/data-sources/:id', () =>
        HttpResponse.json({ error: { code: 'forbidden', message: 'No access' } }, { status: 403 }),
      ),
    );
    const errors: Event[] = [];
    const container = document.createElement('div');
    container.addEventListener('dsw-error', (event) => errors.push(event));
    container.innerHTML = `<data-source-provider endpoint="/api">
      <source-probe source="ga4"></source-probe><source-probe source="ga4"></source-probe>
    </data-source-provider>`;
    const event = oneEvent(container, 'dsw-error');
    document.body.append(container);
    const { detail } = await event;
    expect(detail.action).to.equal('load');
    expect(detail.sourceId).to.equal('ga4');
    expect(detail.error.kind).to.equal('http');
    await new Promise((r) => setTimeout(r, 30));
    expect(errors).to.have.length(1);
    container.remove();
  });

  it('hands the widgets inside a provider that upgrades later over to it, away from the one above', async () => {
    await useHandlers(
      ...mockEndpoint([googleAds(connections(2))]).handlers,
      ...mockEndpoint([googleAds(connections(5))], { base: '/api/inner' }).handlers,
    );
    const outer = await fixture<DataSourceProvider>(html`
      <data-source-provider endpoint="/api">
        <late-inner-provider endpoint="/api/inner"><source-probe source="google-ads"></source-probe></late-inner-provider>
        <source-probe source="google-ads"></source-probe>
      </data-source-provider>
    `);
    const [inside, beside] = [...outer.querySelectorAll<SourceProbe>('source-probe')];
    await settled(inside!, beside!);
    expect(inside!.data.store).to.equal(outer.store);
    customElements.define('late-inner-provider', class extends DataSourceProvider {});
    const inner = outer.querySelector<DataSourceProvider>('late-inner-provider')!;
    await waitUntil(() => inside!.data.state.connections.length === 5, 'the inner store');
    expect(inside!.data.store).to.equal(inner.store);
    expect(beside!.data.store).to.equal(outer.store);
    // The outer provider's text overrides no longer reach the widget it handed over.
    outer.strings = { connect: 'Outer' };
    inner.strings = { connect: 'Inner' };
    await outer.updateComplete;
    await inner.updateComplete;
    await inside!.updateComplete;
    await beside!.updateComplete;
    expect([text(inside!), text(beside!)]).to.deep.equal(['ready:5:Inner', 'ready:2:Outer']);
  });

  it("provides the store and the texts under their own keys to the host's elements", async () => {
    class StoreReader extends LitElement {
      readonly store = new ContextConsumer(this, { context: storeContext, subscribe: true });
      readonly localization = new ContextConsumer(this, { context: localizationContext, subscribe: true });
    }
    customElements.define('store-reader', StoreReader);
    const provider = await fixture<DataSourceProvider>(html`
      <data-source-provider endpoint="/api" locale="de"><store-reader></store-reader></data-source-provider>
    `);
    const reader = provider.querySelector<StoreReader>('store-reader')!;
    expect(reader.store.value).to.equal(provider.store);
    expect(reader.localization.value?.locale).to.equal('de');
    provider.endpoint = '/api/v2';
    await provider.updateComplete;
    expect(reader.store.value).to.equal(provider.store);
  });

  it('finds a provider that upgrades after the widgets inside it connected', async () => {
    const root = new ContextRoot();
    root.attach(document.body);
    const container = document.createElement('div');
    container.innerHTML = `<late-provider endpoint="/api"><source-probe source="google-ads"></source-probe></late-provider>`;
    document.body.append(container);
    const probe = container.querySelector<SourceProbe>('source-probe')!;
    await probe.updateComplete;
    expect(probe.data.store).to.equal(undefined);
    customElements.define('late-provider', class extends DataSourceProvider {});
    await settled(probe);
    expect(text(probe)).to.equal('ready:2:Connect');
    root.detach(document.body);
    container.remove();
  });
});

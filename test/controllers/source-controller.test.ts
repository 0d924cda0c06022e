import { expect } from '@open-wc/testing';
import { connections } from '../../mocks/data.js';
import { hostWith } from './host.js';

describe('SourceController', function () {
  this.timeout(10_000);

  it('hands out the same strings object while no text changed, a new one when one did', async () => {
    const { host, provider } = await hostWith(connections(1));
    const data = host.sourceController;
    const first = data.strings;
    expect(data.strings).to.equal(first);
    // Equal overrides in a new object (a host re-rendering its template): still the same.
    host.strings = { retry: first.retry };
    await host.updateComplete;
    expect(data.strings).to.equal(first);
    host.strings = { retry: 'Try again' };
    await host.updateComplete;
    const changed = data.strings;
    expect(changed).not.to.equal(first);
    expect(changed.retry).to.equal('Try again');
    // The provider's overrides sit under the widget's own.
    provider.strings = { retry: 'Provider retry', close: 'Shut' };
    await provider.updateComplete;
    await host.updateComplete;
    expect([data.strings.retry, data.strings.close]).to.deep.equal(['Try again', 'Shut']);
  });

  it('takes the locale from the widget, else from the provider', async () => {
    const { host, provider } = await hostWith(connections(1));
    provider.locale = 'de-DE';
    await provider.updateComplete;
    expect(host.sourceController.locale).to.equal('de-DE');
    host.locale = 'fr-FR';
    expect(host.sourceController.locale).to.equal('fr-FR');
  });

  it('reports a failed load (Retry) as a dsw-error of its widget', async () => {
    const { host, endpoint } = await hostWith(connections(1));
    endpoint.sources.delete('google-ads');
    const errors: CustomEvent[] = [];
    host.addEventListener('dsw-error', (event) => errors.push(event as CustomEvent));
    host.sourceController.retry();
    await new Promise((resolve) => host.addEventListener('dsw-error', resolve, { once: true }));
    expect(errors[0]!.detail).to.include({ action: 'load', sourceId: 'google-ads' });
    expect(errors[0]!.detail.error.status).to.equal(404);
  });
});

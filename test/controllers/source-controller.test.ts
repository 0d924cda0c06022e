import { expect } from '@open-wc/testing';
import { connections } from '../../mocks/data.js';
import { hostWith } from './host.js';

describe('SourceController', function () {
  this.timeout(10_000);

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

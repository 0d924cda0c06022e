// The widgets' way into the pop-up flow, whose code loads on demand: the window must still open
// inside the click (browsers block it otherwise), before that code has arrived.
import { expect, waitUntil } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { AuthorizationError } from '../../src/auth/authorization-error.js';
import { authorizeInClick, isAuthorizing } from '../../src/auth/lazy.js';
import { googleAds } from '../../mocks/data.js';
import { mockEndpoint } from '../../mocks/endpoint.js';
import { installFakePopup } from '../../mocks/popup.js';
import { requestsTo, useHandlers } from '../helpers/msw.js';

const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/auth/authorize.ts'));

describe('authorizeInClick, before the flow has loaded', function () {
  this.timeout(10_000);

  it('opens the window in the click, joins a second click, closes an aborted one, then runs the flow', async () => {
    const endpoint = mockEndpoint([googleAds([]), { ...googleAds([]), id: 'facebook-ads' }]);
    await useHandlers(...endpoint.handlers);
    const client = new ApiClient({ endpoint: '/api' });
    const google = { client, sourceId: 'google-ads', signal: new AbortController().signal };

    const blocked = installFakePopup({ blocked: true });
    const refused = await authorizeInClick(google).catch((error: unknown) => error);
    blocked.restore();
    expect((refused as AuthorizationError).reason).to.equal('blocked');
    expect(loaded(), 'a blocked window needs no flow').to.equal(false);

    const popup = installFakePopup();
    try {
      const first = authorizeInClick(google);
      // In the same task as the click: the window is open, blank, before any code or request.
      expect(popup.opened.map((o) => o.url)).to.deep.equal(['about:blank']);
      expect(isAuthorizing(google)).to.equal(true);
      expect(authorizeInClick(google), 'a second click joins').to.equal(first);
      expect(popup.opened).to.have.length(1);

      const facebook = { client, sourceId: 'facebook-ads', signal: AbortSignal.abort() };
      const aborted = authorizeInClick(facebook).catch((error: unknown) => error);
      expect(popup.opened).to.have.length(2);

      expect(((await aborted) as DOMException).name).to.equal('AbortError');
      await waitUntil(() => requestsTo('POST').length === 1, 'the flow started once its code arrived');
      expect(requestsTo('POST')).to.deep.equal(['POST /api/data-sources/google-ads/authorizations']);
      const state = [...endpoint.outcomes.keys()][0]!;
      const outcome = endpoint.complete(state);
      popup.post({ type: 'dsw-authorization', ...outcome });
      expect((await first).connectionId).to.equal(outcome.connectionId);
    } finally {
      popup.restore();
    }
  });
});

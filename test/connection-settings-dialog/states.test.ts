import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { connections } from '../../mocks/data.js';
import { HttpError, UnauthorizedError } from '../../src/api/errors.js';
import type { DswErrorEvent } from '../../src/events/error.js';
import { useHandlers } from '../helpers/msw.js';
import { rowIds, rows, setup, text, until } from './helpers.js';

describe('connection-settings-dialog: states', function () {
  // The first axe run of a file loads its rules; on 2 busy cores it takes seconds.
  this.timeout(20000);

  it('shows placeholder rows of the same height while loading, then the accounts', async () => {
    const { el, root } = await setup(connections(2), { mock: { latency: 400 }, settle: false });
    const skeletons = root.querySelectorAll('tbody tr.skeleton-row');
    expect(skeletons).to.have.length(3);
    expect(root.querySelector('table')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(root.querySelector('caption'))).to.contain('Loading');
    const placeholderHeight = skeletons[0].getBoundingClientRect().height;
    await expect(el).to.be.accessible();

    await until(el, () => rows(el).length === 2);
    expect(root.querySelector('table')!.getAttribute('aria-busy')).to.equal('false');
    expect(rows(el)[0].getBoundingClientRect().height).to.be.closeTo(placeholderHeight, 0.5);
  });

  it('shows the default empty state when no account is connected', async () => {
    const { el, root } = await setup([]);
    expect(root.querySelector('table')).to.equal(null);
    const paragraphs = [...root.querySelectorAll('[part="empty"] p')].map(text);
    expect(paragraphs).to.deep.equal(['No account connected yet', 'Add a connector to start importing data.']);
    expect(root.querySelector('[part="add-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lets the host replace the empty state through the empty slot', async () => {
    const { el, root } = await setup([]);
    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Connect Google Ads to see your campaigns.';
    el.append(custom);
    const slot = root.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()).to.deep.equal([custom]);
    await expect(el).to.be.accessible();
  });

  it('shows one account as main, without a Make main action or a filter', async () => {
    const { el, root } = await setup(connections(1));
    expect(rowIds(el)).to.deep.equal(['conn_1']);
    expect(text(rows(el)[0].querySelector('[part="main-badge"]'))).to.equal('Main');
    expect(rows(el)[0].querySelector('[data-action="make-main"]')).to.equal(null);
    expect(root.querySelector('[part="filter"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows many accounts, main first then newest, the others as secondary', async () => {
    const list = connections(5).reverse(); // the endpoint's order must not matter
    const { el } = await setup(list);
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_2', 'conn_3', 'conn_4', 'conn_5']);
    const badges = rows(el).map((r) => text(r.querySelector('.badge')));
    expect(badges).to.deep.equal(['Main', 'Secondary', 'Secondary', 'Secondary', 'Secondary']);
    await expect(el).to.be.accessible();
  });

  it('marks accounts in error with an icon and the word, and shows why in the row', async () => {
    const { el } = await setup(connections(3, [1]));
    const [ok, failing] = rows(el);
    expect(text(ok.querySelector('.status'))).to.equal('Active');
    const status = failing.querySelector('.status')!;
    expect(text(status)).to.equal('Error');
    expect(status.querySelector('svg')).to.exist;
    const reason = failing.querySelector('.reason')!;
    expect(text(reason)).to.equal('The credentials were changed or revoked. Re-connect to restore data updates.');
    const reconnect = failing.querySelector('[data-action="reconnect"]')!;
    expect(reconnect.getAttribute('aria-describedby')).to.equal(reason.id);
    expect(ok.querySelector('[data-action="reconnect"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the list could not be loaded, fires dsw-error, and Retry loads it', async () => {
    const failing = http.get('/api/data-sources/:id', () =>
      HttpResponse.json({ error: { code: 'boom', message: 'Internal error' } }, { status: 500 }),
    );
    const errors: DswErrorEvent[] = [];
    document.addEventListener('dsw-error', (e) => errors.push(e), { once: true });
    const { el, root, endpoint } = await setup(connections(2), { before: [failing] });
    const panel = root.querySelector('[part="load-error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(text(panel)).to.contain('The connections could not be loaded.');
    expect(errors[0]?.detail.action).to.equal('load');
    expect(errors[0]?.detail.error).to.be.instanceOf(HttpError);
    await expect(el).to.be.accessible();

    await useHandlers(...endpoint.handlers);
    panel.querySelector('button')!.click();
    await until(el, () => rows(el).length === 2);
  });

  it('says the session expired on a 401', async () => {
    const refused = http.get('/api/data-sources/:id', () =>
      HttpResponse.json({ error: { code: 'unauthorized', message: 'Token expired' } }, { status: 401 }),
    );
    const error = new Promise<DswErrorEvent>((resolve) => document.addEventListener('dsw-error', resolve, { once: true }));
    const { el, root } = await setup(connections(2), { before: [refused] });
    expect(text(root.querySelector('[part="load-error"]'))).to.contain('Your session has expired.');
    expect((await error).detail.error).to.be.instanceOf(UnauthorizedError);
    await expect(el).to.be.accessible();
  });

  it('says the data source is not available when the endpoint does not know it', async () => {
    const { el, root } = await setup(connections(2), { source: 'no-such-source' });
    expect(text(root.querySelector('[part="load-error"]'))).to.contain('This data source is not available.');
    expect(text(root.querySelector('h2'))).to.equal('Connection settings');
    await expect(el).to.be.accessible();
  });

  it('keeps the rows with a small note when a reload fails', async () => {
    const { el, root, provider, endpoint } = await setup(connections(3));
    await useHandlers(
      http.get('/api/data-sources/:id', () => HttpResponse.json({ error: { code: 'x', message: 'x' } }, { status: 500 })),
      ...endpoint.handlers,
    );
    await provider.store!.load('google-ads', { force: true })?.catch(() => {});
    await until(el, () => root.querySelector('[part="stale"]'));
    expect(rowIds(el)).to.have.length(3);
    expect(text(root.querySelector('[part="stale"]'))).to.contain('could not be updated');
    await expect(el).to.be.accessible();

    await useHandlers(...endpoint.handlers);
    root.querySelector<HTMLButtonElement>('[part="stale"] button')!.click();
    await until(el, () => !root.querySelector('[part="stale"]'));
    expect(rowIds(el)).to.have.length(3);
  });

  it('says so when neither a provider nor an endpoint is set', async () => {
    const el = document.createElement('connection-settings-dialog');
    el.source = 'google-ads';
    el.open = true;
    document.body.append(el);
    try {
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.querySelector('.note'));
      expect(text(el.shadowRoot!.querySelector('.note'))).to.equal('No endpoint is configured for this widget.');
    } finally {
      el.remove();
    }
  });
});

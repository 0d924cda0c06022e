import { expect, oneEvent } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { connections } from '../../mocks/data.js';
import { HttpError } from '../../src/api/errors.js';
import type { DswErrorEvent } from '../../src/events/error.js';
import type { MainChangedEvent } from '../../src/events/main-changed.js';
import type { RefreshRequestedEvent } from '../../src/events/refresh-requested.js';
import { requestsTo } from '../helpers/msw.js';
import { button, deepActive, message, row, rowIds, setup, text, until } from './helpers.js';

const badge = (r: Element | null) => text(r?.querySelector('.badge'));

describe('connection-settings-dialog: make main and refresh', function () {
  this.timeout(20000);

  it('makes an account main: cancelable request, PATCH, dsw-main-changed with the previous main', async () => {
    const { el } = await setup(connections(3));
    const requested = oneEvent(el, 'dsw-make-main-request');
    const changed = new Promise<MainChangedEvent>((resolve) => el.addEventListener('dsw-main-changed', resolve, { once: true }));
    const makeMain = button(el, 'conn_3', 'make-main');
    makeMain.focus();
    makeMain.click();
    const request = await requested;
    expect(request.cancelable).to.equal(true);
    expect(request.detail.connection.id).to.equal('conn_3');
    const event = await changed;
    expect(event.detail.connection.id).to.equal('conn_3');
    expect(event.detail.connection.role).to.equal('main');
    expect(event.detail.previous?.id).to.equal('conn_1');
    expect(requestsTo('PATCH /api/data-sources/google-ads/connections/conn_3')).to.have.length(1);
    await until(el, () => message(el) !== '');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_1', 'conn_2']);
    expect(badge(row(el, 'conn_3'))).to.equal('Main');
    expect(badge(row(el, 'conn_1'))).to.equal('Secondary');
    expect(message(el)).to.equal('Account 3 is now the main account.');
    // Its Make main button is gone; focus stayed in the row rather than falling to the page.
    expect(row(el, 'conn_3')!.contains(deepActive())).to.equal(true);
  });

  it('sends nothing when the host prevents dsw-make-main-request', async () => {
    const { el } = await setup(connections(3));
    el.addEventListener('dsw-make-main-request', (e) => e.preventDefault(), { once: true });
    button(el, 'conn_2', 'make-main').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requestsTo('PATCH')).to.have.length(0);
    expect(badge(row(el, 'conn_1'))).to.equal('Main');
  });

  it('restores the roles when making main fails, with dsw-error and a message', async () => {
    const refused = http.patch('/api/data-sources/:id/connections/:cid', () =>
      HttpResponse.json({ error: { code: 'boom', message: 'Internal error' } }, { status: 500 }),
    );
    const { el } = await setup(connections(3), { before: [refused] });
    const failed = new Promise<DswErrorEvent>((resolve) => el.addEventListener('dsw-error', resolve, { once: true }));
    button(el, 'conn_2', 'make-main').click();
    expect((await failed).detail.action).to.equal('make-main');
    await until(el, () => message(el) !== '');
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_2', 'conn_3']);
    expect(badge(row(el, 'conn_1'))).to.equal('Main');
    expect(message(el)).to.equal('Account 2 could not be made main.');
  });

  it('asks for a data refresh and says so with dsw-refresh-requested', async () => {
    const { el } = await setup(connections(2));
    const requested = new Promise<RefreshRequestedEvent>((resolve) =>
      el.addEventListener('dsw-refresh-requested', resolve, { once: true }),
    );
    button(el, 'conn_2', 'refresh').click();
    const event = await requested;
    expect(event.detail.connection.id).to.equal('conn_2');
    expect(requestsTo('POST /api/data-sources/google-ads/connections/conn_2/refresh')).to.have.length(1);
    await until(el, () => message(el) !== '');
    expect(message(el)).to.equal('A data refresh of Account 2 was requested.');
  });

  it('shows the endpoint’s reason when a refresh is refused (409) and fires dsw-error', async () => {
    const conflict = http.post('/api/data-sources/:id/connections/:cid/refresh', () =>
      HttpResponse.json({ error: { code: 'refresh_running', message: 'A refresh is already running.' } }, { status: 409 }),
    );
    const { el } = await setup(connections(2), { before: [conflict] });
    const failed = new Promise<DswErrorEvent>((resolve) => el.addEventListener('dsw-error', resolve, { once: true }));
    button(el, 'conn_1', 'refresh').click();
    const error = await failed;
    expect(error.detail.action).to.equal('refresh');
    expect((error.detail.error as HttpError).status).to.equal(409);
    await until(el, () => message(el) !== '');
    expect(message(el)).to.equal('The data of Account 1 could not be refreshed. A refresh is already running.');
    await expect(el).to.be.accessible();
  });

  it('marks a row busy while its request runs and ignores a second click', async () => {
    const slow = http.post('/api/data-sources/:id/connections/:cid/refresh', async () => {
      await delay(300);
      return HttpResponse.json({ error: { code: 'x', message: 'x' } }, { status: 500 });
    });
    const { el } = await setup(connections(2), { before: [slow] });
    const refresh = button(el, 'conn_2', 'refresh');
    refresh.focus();
    refresh.click();
    await el.updateComplete;
    expect(row(el, 'conn_2')!.getAttribute('aria-busy')).to.equal('true');
    const actions = [...row(el, 'conn_2')!.querySelectorAll('button')];
    expect(actions.every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(row(el, 'conn_1')!.getAttribute('aria-busy')).to.equal('false');
    // Still focusable (aria-disabled, not disabled): focus does not fall out of the dialog.
    expect(deepActive()).to.equal(refresh);
    refresh.click();
    button(el, 'conn_2', 'delete').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('#confirm')!.open).to.equal(false);
    await until(el, () => row(el, 'conn_2')!.getAttribute('aria-busy') === 'false');
    expect(requestsTo('POST /api/data-sources/google-ads/connections/conn_2/refresh')).to.have.length(1);
  });
});

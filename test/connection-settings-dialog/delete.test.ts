import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { connections } from '../../mocks/data.js';
import { HttpError } from '../../src/api/errors.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { ConnectionRemovedEvent } from '../../src/events/connection-removed.js';
import type { DeleteRequestEvent } from '../../src/events/delete-request.js';
import type { DswErrorEvent } from '../../src/events/error.js';
import { requestsTo } from '../helpers/msw.js';
import { button, confirmDialog, deepActive, mainDialog, message, row, rowIds, setup, text, until } from './helpers.js';

async function askToDelete(el: ConnectionSettingsDialog, id: string): Promise<HTMLDialogElement> {
  button(el, id, 'delete').click();
  await el.updateComplete;
  return confirmDialog(el);
}

const part = (el: ConnectionSettingsDialog, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;

describe('connection-settings-dialog: delete', function () {
  this.timeout(20000);

  it('asks first, naming the account, with focus on Cancel', async () => {
    const { el } = await setup(connections(3));
    const confirm = await askToDelete(el, 'conn_2');
    expect(confirm.open).to.equal(true);
    expect(confirm.matches(':modal')).to.equal(true);
    expect(confirm.getAttribute('role')).to.equal('alertdialog');
    expect(text(el.shadowRoot!.getElementById(confirm.getAttribute('aria-labelledby')!))).to.equal('Delete this connection?');
    expect(text(el.shadowRoot!.getElementById(confirm.getAttribute('aria-describedby')!))).to.contain('Account 2 (1000007919)');
    expect(deepActive()).to.equal(part(el, 'cancel-button'));
    expect(requestsTo('DELETE')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('deletes on confirm: one request, the row goes, events and an announcement', async () => {
    const { el } = await setup(connections(3));
    const requested = new Promise<DeleteRequestEvent>((resolve) => el.addEventListener('dsw-delete-request', resolve, { once: true }));
    const removed = new Promise<ConnectionRemovedEvent>((resolve) =>
      el.addEventListener('dsw-connection-removed', resolve, { once: true }),
    );
    await askToDelete(el, 'conn_2');
    part(el, 'confirm-button').click();
    const request = await requested;
    expect(request.cancelable).to.equal(true);
    expect(request.detail.sourceId).to.equal('google-ads');
    expect(request.detail.connection.id).to.equal('conn_2');
    const event = await removed;
    expect(event.detail.connection.accountName).to.equal('Account 2');
    expect(requestsTo('DELETE /api/data-sources/google-ads/connections/conn_2')).to.have.length(1);
    expect(requestsTo('DELETE')).to.have.length(1);
    await until(el, () => message(el).includes('deleted'));
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_3']);
    expect(message(el)).to.equal('Account 2 was deleted.');
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.getAttribute('role')).to.equal('status');
    expect(mainDialog(el).open).to.equal(true);
    // Focus went to the row that took the deleted one's place.
    expect(deepActive()).to.equal(button(el, 'conn_3', 'delete'));
  });

  it('keeps the row on Cancel, sends nothing and gives focus back to the trash button', async () => {
    const { el } = await setup(connections(3));
    const trash = button(el, 'conn_2', 'delete');
    trash.focus();
    const confirm = await askToDelete(el, 'conn_2');
    part(el, 'cancel-button').click();
    await el.updateComplete;
    expect(confirm.open).to.equal(false);
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_2', 'conn_3']);
    expect(requestsTo('DELETE')).to.have.length(0);
    expect(deepActive()).to.equal(trash);
  });

  it('Escape cancels only the confirmation: the dialog stays open and nothing is sent', async () => {
    const { el } = await setup(connections(3));
    const trash = button(el, 'conn_2', 'delete');
    trash.focus();
    // Real keys: a script click does not count as a user gesture for the nested modal.
    await sendKeys({ press: 'Enter' });
    await until(el, () => confirmDialog(el).open);
    await sendKeys({ press: 'Escape' });
    await until(el, () => !confirmDialog(el).open);
    expect(mainDialog(el).open).to.equal(true);
    expect(el.open).to.equal(true);
    expect(rowIds(el)).to.have.length(3);
    expect(requestsTo('DELETE')).to.have.length(0);
    expect(deepActive()).to.equal(trash);
  });

  it('puts a row back in its place when the endpoint refuses, with dsw-error and a message', async () => {
    const refused = http.delete('/api/data-sources/:id/connections/:cid', () =>
      HttpResponse.json({ error: { code: 'boom', message: 'Internal error' } }, { status: 500 }),
    );
    const { el } = await setup(connections(3), { before: [refused] });
    const failed = new Promise<DswErrorEvent>((resolve) => el.addEventListener('dsw-error', resolve, { once: true }));
    await askToDelete(el, 'conn_2');
    part(el, 'confirm-button').click();
    const error = await failed;
    expect(error.detail.action).to.equal('delete');
    expect(error.detail.connectionId).to.equal('conn_2');
    expect((error.detail.error as HttpError).status).to.equal(500);
    await until(el, () => message(el) !== '');
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_2', 'conn_3']);
    expect(message(el)).to.equal('Account 2 could not be deleted. It is still connected.');
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.classList.contains('error')).to.equal(true);
    expect(requestsTo('DELETE')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('sends nothing when the host prevents dsw-delete-request', async () => {
    const { el } = await setup(connections(3));
    el.addEventListener('dsw-delete-request', (e) => e.preventDefault(), { once: true });
    let removed = false;
    el.addEventListener('dsw-connection-removed', () => (removed = true));
    await askToDelete(el, 'conn_2');
    part(el, 'confirm-button').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(requestsTo('DELETE')).to.have.length(0);
    expect(rowIds(el)).to.have.length(3);
    expect(removed).to.equal(false);
    expect(row(el, 'conn_2')).to.exist;
  });

  it('deleting the main account makes the newest remaining one main', async () => {
    const { el } = await setup(connections(3));
    await askToDelete(el, 'conn_1');
    const removed = oneEvent(el, 'dsw-connection-removed');
    part(el, 'confirm-button').click();
    await removed;
    await until(el, () => rowIds(el).length === 2);
    expect(text(row(el, 'conn_2')!.querySelector('.badge'))).to.equal('Main');
  });
});

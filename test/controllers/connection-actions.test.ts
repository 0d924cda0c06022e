import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Connection } from '../../src/api/types.js';
import type { ChangeAction } from '../../src/controllers/connection-actions.js';
import { en } from '../../src/strings/en.js';
import { visible } from '../helpers/text.js';
import { connections } from '../../mocks/data.js';
import { requestsTo } from '../helpers/msw.js';
import { hostWith, recordEvents } from './host.js';

const ids = (list: readonly Connection[]) => list.map((c) => c.id);

describe('ConnectionActions', function () {
  this.timeout(10_000);

  it('delete: the request event, onStart before the store applies it, the removed event, a success notice', async () => {
    const { host } = await hostWith(connections(3));
    const actions = host.connectionActions;
    const target = host.sourceController.state.connections[1]!;
    const started: Array<[ChangeAction, string, string[]]> = [];
    actions.onStart((action, connection) => started.push([action, connection.id, ids(host.sourceController.store!.get('google-ads').connections)]));
    const log = recordEvents(['dsw-delete-request', 'dsw-connection-removed', 'dsw-error']);
    await actions.remove(target);
    log.stop();
    expect(log.events.map((e) => e.type)).to.deep.equal(['dsw-delete-request', 'dsw-connection-removed']);
    // onStart saw the row still there: the place to note where focus goes.
    expect(started).to.deep.equal([['delete', target.id, ['conn_1', 'conn_2', 'conn_3']]]);
    expect(ids(host.sourceController.state.connections)).to.deep.equal(['conn_1', 'conn_3']);
    expect(requestsTo('DELETE')).to.deep.equal(['DELETE /api/data-sources/google-ads/connections/conn_2']);
    await host.updateComplete;
    expect(host.shadowRoot!.textContent).to.contain('Account 2');
    expect(actions.notice?.tone).to.equal('success');
  });

  it('delete prevented by the host: no request, no onStart, the row stays', async () => {
    const { host } = await hostWith(connections(2));
    const prevent = (event: Event) => event.preventDefault();
    document.addEventListener('dsw-delete-request', prevent);
    let started = false;
    host.connectionActions.onStart(() => (started = true));
    await host.connectionActions.remove(host.sourceController.state.connections[1]!);
    document.removeEventListener('dsw-delete-request', prevent);
    expect(started).to.equal(false);
    expect(requestsTo('DELETE')).to.deep.equal([]);
    expect(host.sourceController.state.connections).to.have.length(2);
    expect(host.connectionActions.notice).to.equal(undefined);
  });

  it('a failed delete leaves the row, fires dsw-error with the action, and says so', async () => {
    const fail = http.delete('/api/data-sources/:sourceId/connections/:id', () =>
      HttpResponse.json({ error: { code: 'boom', message: 'Internal' } }, { status: 500 }),
    );
    const { host } = await hostWith(connections(2), [fail]);
    const log = recordEvents(['dsw-error', 'dsw-connection-removed']);
    await host.connectionActions.remove(host.sourceController.state.connections[1]!);
    log.stop();
    expect(log.events.map((e) => e.type)).to.deep.equal(['dsw-error']);
    const detail = (log.events[0] as CustomEvent).detail;
    expect(detail).to.include({ action: 'delete', sourceId: 'google-ads', connectionId: 'conn_2' });
    expect(detail.error.kind).to.equal('http');
    expect(ids(host.sourceController.state.connections)).to.deep.equal(['conn_1', 'conn_2']);
    // A server crash's own words do not help the user: the plain text only.
    expect(visible(host.connectionActions.notice?.text)).to.equal(en.deleteFailed('Account 2'));
  });

  it('make main: the request event, main-changed with the previous main', async () => {
    const { host } = await hostWith(connections(3));
    const log = recordEvents(['dsw-make-main-request', 'dsw-main-changed']);
    await host.connectionActions.makeMain(host.sourceController.state.connections[2]!);
    log.stop();
    expect(log.events.map((e) => e.type)).to.deep.equal(['dsw-make-main-request', 'dsw-main-changed']);
    const detail = (log.events[1] as CustomEvent).detail;
    expect([detail.connection.id, detail.previous.id]).to.deep.equal(['conn_3', 'conn_1']);
    expect(host.sourceController.state.connections[0]!.id).to.equal('conn_3');
  });

  it("refresh: refused by the endpoint (409), the endpoint's reason is shown; accepted, refresh-requested", async () => {
    const { host } = await hostWith(connections(2, [1]));
    const log = recordEvents(['dsw-refresh-requested', 'dsw-error']);
    await host.connectionActions.refresh(host.sourceController.state.connections[1]!);
    expect(visible(host.connectionActions.notice?.text)).to.equal(en.failureReason(en.refreshFailed('Account 2'), 'Re-connect this account first.'));
    await host.connectionActions.refresh(host.sourceController.state.connections[0]!);
    log.stop();
    expect(log.events.map((e) => e.type)).to.deep.equal(['dsw-error', 'dsw-refresh-requested']);
    expect((log.events[0] as CustomEvent).detail.action).to.equal('refresh');
    expect(visible(host.connectionActions.notice?.text)).to.equal(en.refreshRequested('Account 1'));
  });

  it('a connect notice replaces the last result, and dismiss clears both', async () => {
    const { host } = await hostWith(connections(2));
    await host.connectionActions.refresh(host.sourceController.state.connections[0]!);
    expect(host.connectionActions.notice?.tone).to.equal('success');
    // Cancelled by the host: the request event is the first step of add().
    const prevent = (event: Event) => event.preventDefault();
    document.addEventListener('dsw-connect-request', prevent);
    host.connectionActions.add();
    document.removeEventListener('dsw-connect-request', prevent);
    expect(host.connectionActions.notice, 'add() clears the last result').to.equal(undefined);
    await host.connectionActions.refresh(host.sourceController.state.connections[0]!);
    host.connectionActions.dismiss();
    expect(host.connectionActions.notice).to.equal(undefined);
    await waitUntil(() => host.shadowRoot!.textContent!.trim() === '', 'the host re-rendered without the notice');
  });
});

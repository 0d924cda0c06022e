import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connection, connections } from '../../mocks/data.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { rowIds, rows, setup, text, until } from './helpers.js';

const header = (el: ConnectionSettingsDialog, key: string) =>
  el.shadowRoot!.querySelector<HTMLTableCellElement>(`th.col-${key}`)!;

async function sortBy(el: ConnectionSettingsDialog, key: string): Promise<void> {
  header(el, key).querySelector('button')!.click();
  await el.updateComplete;
}

async function filter(el: ConnectionSettingsDialog, value: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const names = (el: ConnectionSettingsDialog) => rows(el).map((r) => text(r.querySelector('.account-name')));
const sortStates = (el: ConnectionSettingsDialog) =>
  [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort'));

describe('connection-settings-dialog: sorting and filtering', function () {
  this.timeout(30000);

  it('starts with main first, then the newest, and no column marked sorted', async () => {
    // Main is not the newest here: the order must still put it first.
    const list = [connection(0, { role: 'secondary' }), connection(1), connection(2, { role: 'main' })];
    const { el } = await setup(list);
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_1', 'conn_2']);
    expect(sortStates(el).every((s) => s === null)).to.equal(true);
  });

  it('sorts by account name with a header button, ascending then descending, numbers in order', async () => {
    const { el } = await setup(connections(12));
    await sortBy(el, 'account');
    expect(header(el, 'account').getAttribute('aria-sort')).to.equal('ascending');
    expect(names(el).slice(0, 4)).to.deep.equal(['Account 1', 'Account 2', 'Account 3', 'Account 4']);
    expect(names(el).at(-1)).to.equal('Account 12');
    await sortBy(el, 'account');
    expect(header(el, 'account').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Account 12');
    expect(sortStates(el).filter(Boolean)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('sorts by created date (oldest first) and by updated date with Never as the oldest', async () => {
    const list = [connection(0), connection(1, { updatedAt: null }), connection(2)];
    const { el } = await setup(list);
    await sortBy(el, 'created');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_2', 'conn_1']);
    await sortBy(el, 'updated');
    expect(header(el, 'created').hasAttribute('aria-sort')).to.equal(false);
    expect(rowIds(el)[0]).to.equal('conn_2');
    await sortBy(el, 'updated');
    expect(rowIds(el).at(-1)).to.equal('conn_2');
  });

  it('sorts by status with the accounts in error first, and by ID', async () => {
    const { el } = await setup(connections(4, [2, 3]));
    await sortBy(el, 'status');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_4', 'conn_1', 'conn_2']);
    await sortBy(el, 'id');
    expect(rowIds(el)).to.deep.equal(['conn_1', 'conn_2', 'conn_3', 'conn_4']);
  });

  it('offers a filter only above ten accounts', async () => {
    const ten = await setup(connections(10));
    expect(ten.root.querySelector('input[type="search"]')).to.equal(null);
    const eleven = await setup(connections(11));
    const input = eleven.root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(text(eleven.root.querySelector(`label[for="${input.id}"]`))).to.equal('Filter accounts');
    expect(text(eleven.root.querySelector('.count'))).to.equal('11 of 11 accounts');
  });

  it('filters by name, announces "N of M accounts", says when nothing matches, and clears', async () => {
    const { el, root } = await setup(connections(11));
    const count = root.querySelector('.count')!;
    expect(count.getAttribute('role')).to.equal('status');
    await filter(el, 'account 1');
    // "Account 1", "Account 10", "Account 11"
    expect(names(el)).to.deep.equal(['Account 1', 'Account 10', 'Account 11']);
    expect(text(count)).to.equal('3 of 11 accounts');
    await filter(el, 'zzz');
    expect(rows(el)).to.have.length(0);
    expect(text(root.querySelector('.no-match'))).to.equal('No account matches “zzz”.');
    await expect(el).to.be.accessible();
    await filter(el, '');
    expect(rows(el)).to.have.length(11);
  });

  it('clears a filled filter on the first Escape and closes on the next', async () => {
    const { el, root } = await setup(connections(12));
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'Account 2' });
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(rows(el)).to.have.length(12);
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('filters by account ID', async () => {
    const { el } = await setup(connections(12));
    await filter(el, connection(7).accountId);
    expect(rowIds(el)).to.deep.equal(['conn_8']);
  });

  it('renders 500 accounts, filters them and stays accessible', async () => {
    const { el, root } = await setup(connections(500, [3, 250]));
    // Only the rows near the viewport are rendered (windowed.test.ts); the table counts them all.
    expect(rows(el).length).to.be.below(60);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('501');
    expect(text(root.querySelector('.count'))).to.equal('500 of 500 accounts');
    await filter(el, 'Account 42');
    expect(names(el)).to.deep.equal(['Account 42', ...Array.from({ length: 10 }, (_, i) => `Account ${420 + i}`)]);
    expect(text(root.querySelector('.count'))).to.equal('11 of 500 accounts');
    await sortBy(el, 'account');
    expect(names(el)[0]).to.equal('Account 42');
    expect(names(el)[1]).to.equal('Account 420');
    await expect(el).to.be.accessible();
  });

  it('keeps the sort when the data changes underneath', async () => {
    const { el, provider } = await setup(connections(3));
    await sortBy(el, 'account');
    await sortBy(el, 'account');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_2', 'conn_1']);
    await provider.store!.makeMain('google-ads', 'conn_2');
    await until(el, () => text(rows(el)[1].querySelector('.badge')) === 'Main');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_2', 'conn_1']);
  });
});

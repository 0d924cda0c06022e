import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connections } from '../../mocks/data.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { rows, setup, text } from './helpers.js';

const names = (el: ConnectionSettingsDialog) => rows(el).map((r) => text(r.querySelector('.account-name')));

/** What the table says of the filter's result: the count, the rows counted for assistive technology. */
function shown(el: ConnectionSettingsDialog): { count: string; rowCount: string | null } {
  const root = el.shadowRoot!;
  return { count: text(root.querySelector('.count')), rowCount: root.querySelector('table')!.getAttribute('aria-rowcount') };
}

async function type(el: ConnectionSettingsDialog, keys: { type: string } | { press: string }): Promise<void> {
  await sendKeys(keys);
  await el.updateComplete;
}

describe('connection-settings-dialog: typing in the filter', function () {
  this.timeout(30000);

  it('narrows key by key and widens again as the query is deleted back, over every account', async () => {
    const { el, root } = await setup(connections(500));
    root.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await type(el, { type: 'Account 4' });
    // Account 4, 40–49, 400–499; one header row more for assistive technology.
    expect(shown(el)).to.deep.equal({ count: '111 of 500 accounts', rowCount: '112' });
    await type(el, { type: '2' });
    expect(names(el)).to.deep.equal(['Account 42', ...Array.from({ length: 10 }, (_, i) => `Account ${420 + i}`)]);
    await type(el, { type: '1' });
    expect(names(el)).to.deep.equal(['Account 421']);
    expect(shown(el)).to.deep.equal({ count: '1 of 500 accounts', rowCount: '2' });
    await type(el, { press: 'Backspace' });
    expect(names(el)).to.have.length(11);
    expect(shown(el)).to.deep.equal({ count: '11 of 500 accounts', rowCount: '12' });
    await type(el, { press: 'Backspace' });
    expect(shown(el)).to.deep.equal({ count: '111 of 500 accounts', rowCount: '112' });
    await type(el, { press: 'Backspace' });
    await type(el, { press: 'Backspace' });
    expect(shown(el)).to.deep.equal({ count: '500 of 500 accounts', rowCount: '501' });
    expect(names(el)[0]).to.equal('Account 1');
  });

  it('keeps the sort while typing, and the query while sorting', async () => {
    const { el, root } = await setup(connections(60));
    root.querySelector<HTMLButtonElement>('th.col-account button')!.click();
    root.querySelector<HTMLButtonElement>('th.col-account button')!.click();
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await type(el, { type: 'account 1' });
    expect(names(el)).to.deep.equal(['Account 19', 'Account 18', 'Account 17', 'Account 16', 'Account 15', 'Account 14', 'Account 13', 'Account 12', 'Account 11', 'Account 10', 'Account 1']);
    await type(el, { type: '5' });
    expect(names(el)).to.deep.equal(['Account 15']);
    await type(el, { press: 'Backspace' });
    root.querySelector<HTMLButtonElement>('th.col-account button')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Account 1', 'Account 10', 'Account 11', 'Account 12', 'Account 13', 'Account 14', 'Account 15', 'Account 16', 'Account 17', 'Account 18', 'Account 19']);
    await expect(el).to.be.accessible();
  });
});

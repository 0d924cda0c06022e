import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connections } from '../../mocks/data.js';
import { requestsTo } from '../helpers/msw.js';
import { confirmDialog, deepActive, mainDialog, rowIds, setup, until } from './helpers.js';

/** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
async function tabTo(wanted: (el: Element | null) => boolean, limit = 40): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await sendKeys({ press: 'Tab' });
    if (wanted(deepActive())) return presses;
  }
  throw new Error(`Not reached within ${limit} Tab presses`);
}

describe('connection-settings-dialog: keyboard only', function () {
  this.timeout(30000);

  it('opens, reaches a row action, deletes with the keyboard, closes with Escape, focus back', async () => {
    const { el, opener } = await setup(connections(3), { open: false });
    opener.focus();
    const opened = oneEvent(el, 'dsw-dialog-opened');
    await sendKeys({ press: 'Enter' });
    await opened;
    expect(mainDialog(el).contains(deepActive())).to.equal(true);

    // One Tab stop per row (its first action); the trash is further along the row, by arrow keys.
    const inRow = (id: string) => (node: Element | null) => node?.matches('[data-action]') === true && node.closest('tr')?.dataset.id === id;
    await tabTo(inRow('conn_2'));
    for (let i = 0; i < 4 && !deepActive()?.matches('[data-action="delete"]'); i++) await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.closest('tr')?.dataset.id).to.equal('conn_2');
    await sendKeys({ press: 'Enter' });
    await until(el, () => confirmDialog(el).open);
    expect(deepActive()?.matches('[part~="cancel-button"]')).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.matches('[part~="confirm-button"]')).to.equal(true);
    const removed = oneEvent(el, 'dsw-connection-removed');
    await sendKeys({ press: 'Enter' });
    await removed;
    await until(el, () => rowIds(el).length === 2);
    expect(requestsTo('DELETE')).to.have.length(1);
    expect(mainDialog(el).contains(deepActive())).to.equal(true);

    const closed = oneEvent(el, 'dsw-dialog-closed');
    await sendKeys({ press: 'Escape' });
    await closed;
    await waitUntil(() => document.activeElement === opener, 'focus did not return to the opener');
  });

  it('sorts with the keyboard from a column header', async () => {
    const { el } = await setup(connections(3));
    await tabTo((node) => node?.matches('th.col-created button') === true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('th.col-created')!.getAttribute('aria-sort')).to.equal('ascending');
    expect(rowIds(el)).to.deep.equal(['conn_3', 'conn_2', 'conn_1']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('th.col-created')!.getAttribute('aria-sort')).to.equal('descending');
  });
});

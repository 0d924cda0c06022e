import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connection, connections } from '../../mocks/data.js';
import { rows, setup, text } from './helpers.js';
import { visible } from '../helpers/text.js';

/** What a sighted user reads in each cell (text only for screen readers left out). */
const cells = (row: HTMLTableRowElement) =>
  [...row.cells].map((cell) => {
    const copy = cell.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return text(copy);
  });

describe('connection-settings-dialog: columns', function () {
  this.timeout(20000);

  it('is a real table: caption, column headers, a row header per account', async () => {
    const { root } = await setup(connections(2));
    const table = root.querySelector('table')!;
    expect(text(table.caption)).to.equal('Accounts connected to Google Ads');
    const headers = [...table.tHead!.querySelectorAll('th')];
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect(headers.map(text)).to.deep.equal(['Status', 'Account', 'ID', 'Created Date', 'Updated Date', 'Actions']);
    const rowHeaders = [...table.tBodies[0].querySelectorAll('th[scope="row"]')].map((th) => text(th.querySelector('.account-name')));
    expect(rowHeaders).to.deep.equal(['Account 1', 'Account 2']);
  });

  it('shows status, account, ID and both dates in the locale', async () => {
    const { el } = await setup(connections(2));
    // Sample dates: created 2026-10-01T09:30Z, updated 2026-10-02T09:30Z (far from midnight in any zone used in CI).
    expect(cells(rows(el)[0]).slice(0, 5)).to.deep.equal(['Active', 'Account 1 Main', '1000000000', 'Oct 1, 2026', 'Oct 2, 2026']);
    expect(cells(rows(el)[1]).slice(0, 5)).to.deep.equal(['Active', 'Account 2 Secondary', '1000007919', 'Sep 28, 2026', 'Oct 2, 2026']);
  });

  it('formats dates for another locale', async () => {
    const { el } = await setup(connections(1), { locale: 'de-DE' });
    expect(cells(rows(el)[0]).slice(3, 5)).to.deep.equal(['01.10.2026', '02.10.2026']);
  });

  it('puts the exact instant in <time datetime>', async () => {
    const { el } = await setup(connections(1));
    const times = [...rows(el)[0].querySelectorAll('time')];
    expect(times.map((t) => t.dateTime)).to.deep.equal([connection(0).createdAt, connection(0).updatedAt]);
  });

  it('says Never for an account never updated', async () => {
    const { el } = await setup([connection(0, { updatedAt: null })]);
    const updated = rows(el)[0].cells[4];
    expect(text(updated)).to.equal('Never');
    expect(updated.querySelector('time')).to.equal(null);
  });

  it('gives screen readers the full timestamp in the cell, and the row\'s arrow keys show it with no Tab stop per date', async () => {
    const { el, root } = await setup(connections(1));
    const time = rows(el)[0].querySelector('time')!;
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    const full = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'long' }).format(Date.parse(time.dateTime));
    // Read in the cell (browse mode too); the short date shown is not read twice.
    expect(text(time.querySelector('.visually-hidden'))).to.equal(full);
    expect(time.querySelector('[aria-hidden="true"]')!.textContent).to.equal('Oct 1, 2026');
    expect(tip.matches(':popover-open')).to.equal(false);
    expect(time.tabIndex, 'no Tab stop of its own').to.equal(-1);

    // From the row's Tab stop (its first action), arrow keys reach its dates.
    rows(el)[0].querySelector<HTMLElement>('[data-action]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(root.activeElement).to.equal(time);
    expect(tip.matches(':popover-open')).to.equal(true);
    expect(text(tip)).to.equal(full);
    expect(text(tip)).to.contain('Thursday, October 1, 2026');
    // Its name is the full timestamp already: a description would repeat it.
    expect(time.hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();

    time.blur();
    expect(tip.matches(':popover-open')).to.equal(false);
  });

  it('a tooltip can be hovered, and Escape dismisses it without closing the dialog (WCAG 1.4.13)', async () => {
    const { el, root } = await setup(connections(1));
    const time = rows(el)[0].querySelector('time')!;
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    time.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    // The pointer moves onto the tooltip: it stays, to be read.
    time.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: tip }));
    expect(tip.matches(':popover-open')).to.equal(true);
    tip.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }));
    expect(tip.matches(':popover-open')).to.equal(false);

    time.focus();
    expect(tip.matches(':popover-open')).to.equal(true);
    time.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(tip.matches(':popover-open'), 'the tooltip goes').to.equal(false);
    await el.updateComplete;
    expect(el.open, 'the dialog stays').to.equal(true);
    time.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    await el.updateComplete;
    expect(el.open, 'a second Escape closes the dialog').to.equal(false);
  });

  it('shows the full timestamp on hover, next to the date', async () => {
    const { el, root } = await setup(connections(1));
    const time = rows(el)[0].querySelectorAll('time')[1];
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    // Synthetic pointer events: CDP mouse input stalls in a background tab when wtr runs two files at once.
    time.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(tip.matches(':popover-open')).to.equal(true);
    expect(text(tip)).to.contain('Friday, October 2, 2026');
    const box = time.getBoundingClientRect();
    const tipBox = tip.getBoundingClientRect();
    expect(tipBox.top).to.be.closeTo(box.bottom + 4, 1);
    time.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }));
    expect(tip.matches(':popover-open')).to.equal(false);
  });

  it('gives each row action an accessible name with the account', async () => {
    const { el } = await setup(connections(2, [1]));
    const names = (row: HTMLTableRowElement) =>
      [...row.querySelectorAll('button')].map((b) => visible(b.getAttribute('aria-label')));
    expect(names(rows(el)[0])).to.deep.equal(['Refresh data of Account 1', 'Delete Account 1']);
    expect(names(rows(el)[1])).to.deep.equal(['Re-connect Account 2', 'Make main: Account 2', 'Delete Account 2']);
    for (const b of rows(el)[0].querySelectorAll('button')) {
      const { width, height } = b.getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }
  });
});

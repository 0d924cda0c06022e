// Only the rows near the viewport are rendered (windowed-rows.ts): these tests check that the
// table still behaves as a table of every account for the eye, the keyboard and a screen reader.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connections } from '../../mocks/data.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { button, deepActive, row, rows, setup, text, until } from './helpers.js';

const COUNT = 10_000;
// A few accounts in error (taller rows, with their reason), one of them near the end.
const many = () => connections(COUNT, [2, 40, 41, 5000, COUNT - 3]);

const scroller = (el: ConnectionSettingsDialog) => el.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Scrolls the table and waits until the rows for the new position are rendered and measured. */
async function scrollTo(el: ConnectionSettingsDialog, top: number): Promise<void> {
  scroller(el).scrollTop = top;
  for (let i = 0; i < 3; i++) {
    await frame();
    await el.updateComplete;
  }
}

const rowIndexes = (el: ConnectionSettingsDialog) => rows(el).map((r) => Number(r.getAttribute('aria-rowindex')));

async function filter(el: ConnectionSettingsDialog, value: string): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Whether `node` is inside the scroller's visible box (below the sticky header). */
function inView(el: ConnectionSettingsDialog, node: Element): boolean {
  const box = node.getBoundingClientRect();
  const view = scroller(el).getBoundingClientRect();
  const header = el.shadowRoot!.querySelector('thead th')!.getBoundingClientRect();
  return box.top >= header.bottom - 1 && box.bottom <= view.bottom + 1;
}

describe('connection-settings-dialog: windowed rows', function () {
  this.timeout(30000);

  it('renders a window of 10,000 accounts, counted whole for assistive technology', async () => {
    const { el, root } = await setup(many());
    const table = root.querySelector('table')!;
    expect(root.querySelectorAll('tr').length).to.be.below(100);
    expect(table.getAttribute('aria-rowcount')).to.equal(String(COUNT + 1));
    expect(table.tHead!.rows[0].getAttribute('aria-rowindex')).to.equal('1');
    const indexes = rowIndexes(el);
    expect(indexes[0]).to.equal(2);
    expect(indexes).to.deep.equal(indexes.map((_, i) => i + 2));
    for (const spacer of root.querySelectorAll('tbody tr:not([data-id])')) expect(spacer.getAttribute('aria-hidden')).to.equal('true');
    // The scrollbar stands for every row: about 10,000 rows of at least 3.25rem.
    expect(scroller(el).scrollHeight).to.be.above(COUNT * 50);
    await expect(el).to.be.accessible();
  });

  it('shows the last account at the bottom, and column widths do not move while scrolling', async () => {
    const { el, root } = await setup(many());
    const widths = () => [...root.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width);
    const before = widths();
    await scrollTo(el, 250_000);
    expect(rowIndexes(el)[0]).to.be.above(2);
    expect(widths()).to.deep.equal(before);
    // Twice, as a user would: the rows measured at the end were estimated before.
    await scrollTo(el, scroller(el).scrollHeight);
    await scrollTo(el, scroller(el).scrollHeight);
    const last = row(el, `conn_${COUNT}`);
    expect(last, 'the last row is rendered').to.exist;
    expect(last!.getAttribute('aria-rowindex')).to.equal(String(COUNT + 1));
    expect(inView(el, last!)).to.equal(true);
    // Rows are measured as they are rendered: at the bottom, the spacer below is empty.
    const body = scroller(el);
    expect(body.scrollTop + body.clientHeight).to.be.closeTo(body.scrollHeight, 1);
    expect(widths()).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });

  it('sorts and filters over every account, not only the rendered ones', async () => {
    const { el, root } = await setup(many());
    await filter(el, `Account ${COUNT - 1}`);
    expect(rows(el).map((r) => text(r.querySelector('.account-name')))).to.deep.equal([`Account ${COUNT - 1}`]);
    expect(text(root.querySelector('.count'))).to.equal(`1 of ${COUNT.toLocaleString('en-US')} accounts`);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('2');
    await filter(el, '');
    root.querySelector<HTMLButtonElement>('th.col-created button')!.click();
    await el.updateComplete;
    // The oldest account comes first: the last one of the default order.
    expect(rows(el)[0].dataset.id).to.equal(`conn_${COUNT}`);
    root.querySelector<HTMLButtonElement>('th.col-account button')!.click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('th.col-account button')!.click();
    await el.updateComplete;
    expect(text(rows(el)[0].querySelector('.account-name'))).to.equal(`Account ${COUNT}`);
  });

  it('moves focus to the next row with ArrowDown from the last rendered row, rendering it', async () => {
    const { el } = await setup(many());
    const last = rows(el).at(-1)!;
    const index = Number(last.getAttribute('aria-rowindex'));
    const next = `conn_${index}`; // row index n holds conn_(n - 1); the next row, conn_n
    // Without scrolling, so that the next row is still out of the window when the key comes.
    button(el, last.dataset.id!, 'delete').focus({ preventScroll: true });
    await frame();
    expect(row(el, next)).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === next, 'focus on the next row');
    expect(deepActive()).to.equal(button(el, next, 'delete'));
    await frame();
    expect(inView(el, row(el, next)!)).to.equal(true);

    await sendKeys({ press: 'ArrowUp' });
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === last.dataset.id, 'focus back up');
    await sendKeys({ press: 'End' });
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === `conn_${COUNT}`, 'focus on the last row');
    expect(deepActive()?.matches('[data-action="delete"]')).to.equal(true);
    await frame();
    expect(inView(el, row(el, `conn_${COUNT}`)!)).to.equal(true);
    await sendKeys({ press: 'Home' });
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === 'conn_1', 'focus on the first row');
    // The main row has no Make main button: from the delete button of row 1 down to row 2 and back.
    expect(deepActive()).to.equal(button(el, 'conn_1', 'delete'));
  });

  it('goes to the nearest control when the next row lacks the focused one', async () => {
    const { el } = await setup(many());
    button(el, 'conn_2', 'make-main').focus();
    await sendKeys({ press: 'ArrowUp' });
    // conn_1 is main: no Make main; the control in the same place of the same cell is Delete.
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === 'conn_1', 'focus on the main row');
    expect(deepActive()).to.equal(button(el, 'conn_1', 'delete'));
    button(el, 'conn_2', 'refresh').focus();
    await sendKeys({ press: 'ArrowDown' });
    // conn_3 is in error: Re-connect takes Refresh's place.
    await until(el, () => deepActive()?.closest('tr')?.dataset.id === 'conn_3', 'focus on the failing row');
    expect(deepActive()).to.equal(button(el, 'conn_3', 'reconnect'));
  });

  it('keeps a focused row rendered and focused while it is scrolled far away, until focus leaves it', async () => {
    const { el, root } = await setup(many());
    const refresh = button(el, 'conn_2', 'refresh');
    refresh.focus();
    await scrollTo(el, 300_000);
    expect(rowIndexes(el).filter((i) => i > 1000).length).to.be.above(5);
    expect(row(el, 'conn_2')).to.equal(refresh.closest('tr'));
    expect(refresh.isConnected).to.equal(true);
    expect(deepActive()).to.equal(refresh);
    expect(root.querySelectorAll('tr').length).to.be.below(100);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLButtonElement>('[part~="add-button"]')!.focus();
    await waitUntil(() => !row(el, 'conn_2'), 'the row let go once focus left it');
  });
});

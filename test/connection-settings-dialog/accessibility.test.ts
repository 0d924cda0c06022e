// What a screen reader and a keyboard get from the table, read from Chromium's own
// accessibility tree (scripts/ax-tree.mjs): roles, names and states of every row control against
// a structure written here by hand, one Tab stop per row, the dates' full timestamps without
// a stop each, arrow keys inside a row, the sort announced, and rows never under the header.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import { connection, connections, expiringConnection } from '../../mocks/data.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { button, deepActive, mainDialog, row, rows, setup, text, until } from './helpers.js';

interface AxNode {
  role: string;
  name: string;
  description?: string;
  states: string[];
  children: AxNode[];
}

/** Direction isolates are invisible and unspoken: left out, so the expected texts read plainly. */
const plain = (value: string) => value.replace(/[\u2066-\u2069]/g, '');

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** One line per node: `role "name" [states] (description)`, children indented under it. */
function serialize(nodes: AxNode[], depth = 0, out: string[] = []): string[] {
  for (const node of nodes) {
    const states = node.states.length ? ` [${node.states.join(' ')}]` : '';
    const description = node.description ? ` (${plain(node.description)})` : '';
    out.push(`${'  '.repeat(depth)}${node.role} "${plain(node.name)}"${states}${description}`);
    serialize(node.children, depth + 1, out);
  }
  return out;
}

let count = 0;
/** The accessibility tree under a selector of the dialog's shadow root. */
async function axTree(el: ConnectionSettingsDialog, selector: string): Promise<AxNode[]> {
  el.id ||= `dialog-${++count}`;
  return executeServerCommand('ax-tree', { selectors: [`#${el.id}`, selector] }) as Promise<AxNode[]>;
}

/** The tree of the body rows: each row with its cells and the controls in them. */
async function bodyRows(el: ConnectionSettingsDialog): Promise<string[]> {
  return serialize(await axTree(el, 'tbody'));
}

/** Every node, flat, to check rules that hold for all. */
const flat = (nodes: AxNode[]): AxNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

const NOW = Date.now();

describe('connection-settings-dialog: accessibility tree and keyboard', function () {
  this.timeout(30000);

  it('gives every row control its role, name and state, as written here', async () => {
    const { el } = await setup([
      connection(0),
      connection(1, { status: 'error', error: { code: 'invalid_grant', message: 'The credentials were revoked.' } }),
      connection(2, { updatedAt: null }),
    ]);
    expect(await bodyRows(el)).to.deep.equal([
      'rowgroup ""',
      '  row ""',
      '    cell "Active"',
      '    rowheader "Account 1 Main"',
      '    cell "1000000000"',
      '    cell "Thursday, October 1, 2026 at 9:30:00 AM UTC"',
      '      time ""',
      '    cell "Friday, October 2, 2026 at 9:30:00 AM UTC"',
      '      time ""',
      '    cell "Refresh data of Account 1 Delete Account 1"',
      '      button "Refresh data of Account 1"',
      '      button "Delete Account 1"',
      '  row ""',
      '    cell "Error"',
      // A failing account's "What happened?" opens its history (a button in the account's cell).
      '    rowheader "Account 2 Secondary The credentials were revoked. What happened? History of Account 2"',
      '      button "What happened? History of Account 2"',
      '    cell "1000007919"',
      '    cell "Monday, September 28, 2026 at 9:30:00 AM UTC"',
      '      time ""',
      '    cell "Friday, October 2, 2026 at 8:30:00 AM UTC"',
      '      time ""',
      '    cell "Re-connect Account 2 Make main: Account 2 Delete Account 2"',
      '      button "Re-connect Account 2" (The credentials were revoked.)',
      '      button "Make main: Account 2"',
      '      button "Delete Account 2"',
      '  row ""',
      '    cell "Active"',
      '    rowheader "Account 3 Secondary"',
      '    cell "1000015838"',
      '    cell "Friday, September 25, 2026 at 9:30:00 AM UTC"',
      '      time ""',
      '    cell "Never"',
      '    cell "Refresh data of Account 3 Make main: Account 3 Delete Account 3"',
      '      button "Refresh data of Account 3"',
      '      button "Make main: Account 3"',
      '      button "Delete Account 3"',
    ]);
  });

  it('says a row is busy with its buttons disabled while its change is under way', async () => {
    const { el } = await setup(connections(2), {
      before: [http.post('/api/data-sources/:sourceId/connections/:id/refresh', () => delay('infinite'))],
    });
    button(el, 'conn_2', 'refresh').click();
    await until(el, () => row(el, 'conn_2')!.getAttribute('aria-busy') === 'true');
    const lines = await bodyRows(el);
    const second = lines.slice(lines.indexOf('  row "" [busy]'));
    expect(second.filter((line) => line.includes('button'))).to.deep.equal([
      '      button "Refresh data of Account 2" [disabled]',
      '      button "Make main: Account 2" [disabled]',
      '      button "Delete Account 2" [disabled]',
    ]);
  });

  it('an Expiring row: Re-connect described by when, the expiry date reachable with its full timestamp', async () => {
    const { el, root } = await setup([connection(0), expiringConnection(1, 2, NOW)]);
    const lines = (await bodyRows(el)).filter((line) => line.includes('button'));
    expect(lines.slice(2).map((line) => line.trim())).to.deep.equal([
      // The expiry under the account: "Expires in 2 days", the exact date as its description.
      'button "Re-connect Account 2" (Expires in 2 days)',
      'button "Make main: Account 2"',
      'button "Delete Account 2"',
    ]);
    const expires = row(el, 'conn_2')!.querySelector<HTMLElement>('time.expires')!;
    expect(expires.tabIndex).to.equal(-1);
    expires.focus();
    const tip = root.querySelector<HTMLElement>('[role="tooltip"]')!;
    expect(expires.getAttribute('aria-describedby')).to.equal(tip.id);
  });

  it('no control has a description that repeats its name', async () => {
    const { el } = await setup(connections(3, [1]));
    const nodes = flat(await axTree(el, '#dialog'));
    expect(nodes.filter((n) => n.role === 'button').length).to.be.greaterThan(8);
    const repeats = nodes.filter((n) => n.description && plain(n.name).includes(plain(n.description)));
    expect(repeats.map((n) => `${n.role} "${plain(n.name)}" (${plain(n.description!)})`)).to.deep.equal([]);
  });

  it('makes one Tab stop per row: 34 accounts take 44 stops, not one per date and button', async () => {
    const { el } = await setup(connections(34, [3, 20]));
    mainDialog(el).querySelector<HTMLElement>('[part~="close-button"]')!.focus();
    // Close, the filter, five sort buttons, 34 rows, Add (the last: past it, Tab leaves the modal
    // for the browser's own controls, and the page would lose focus for the next test file).
    const stops: string[] = [];
    for (let i = 0; i < 120; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive()!;
      expect(mainDialog(el).contains(active), 'focus stays in the dialog').to.equal(true);
      stops.push(active.closest('tr[data-id]') ? `row ${active.closest<HTMLElement>('tr')!.dataset.id}` : active.getAttribute('part') ?? active.localName);
      if (active.id === 'add') break;
    }
    const rowStops = stops.filter((stop) => stop.startsWith('row '));
    expect(new Set(rowStops).size, 'each row once').to.equal(rowStops.length);
    expect(rowStops.length).to.equal(34);
    // Close, the filter, 5 sort buttons, 34 rows, the footer's links and history buttons, Add.
    expect(stops.length + 1).to.equal(44);
  });

  it('moves between a row\'s dates and actions with the arrow keys, mirrored right to left; Tab leaves the row', async () => {
    const { el } = await setup(connections(3, [1]));
    const second = row(el, 'conn_2')!;
    const reconnect = button(el, 'conn_2', 'reconnect');
    reconnect.focus();
    const where = () => {
      const active = deepActive()!;
      return (active as HTMLElement).dataset.action ?? (active.localName === 'time' ? `time ${active.closest('td')!.className}` : active.localName);
    };
    const path: string[] = [];
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      await sendKeys({ press: key });
      path.push(where());
    }
    // Left of the dates, a failing row's "What happened?" in the account's cell.
    expect(path).to.deep.equal(['make-main', 'delete', 'delete', 'make-main', 'reconnect', 'time col-updated', 'time col-created', 'button']);
    // The row's one stop follows focus; the other rows keep theirs on their first action.
    expect([...second.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((e) => e.localName)).to.deep.equal(['button']);
    expect(button(el, 'conn_3', 'refresh').tabIndex).to.equal(0);

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(button(el, 'conn_3', 'refresh'));
    // Back into the row left: its first action again, not the date it was left on.
    await shiftTab();
    expect(deepActive()).to.equal(reconnect);

    el.closest('data-source-provider')!.setAttribute('dir', 'rtl');
    await sendKeys({ press: 'ArrowLeft' });
    expect(where()).to.equal('make-main');
    await sendKeys({ press: 'ArrowRight' });
    expect(where()).to.equal('reconnect');
  });

  it('announces the sort on change, with aria-sort on the header', async () => {
    const { el, root } = await setup(connections(3));
    const status = root.querySelector('.sort-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('');
    const sortButton = root.querySelector<HTMLButtonElement>('[data-sort="account"]')!;
    sortButton.click();
    await el.updateComplete;
    expect(text(status)).to.equal('Sorted by Account, ascending');
    sortButton.click();
    await el.updateComplete;
    expect(text(status)).to.equal('Sorted by Account, descending');
    const headers = [...root.querySelectorAll('thead th')].map((th) => `${text(th)} ${th.getAttribute('aria-sort') ?? '-'}`);
    expect(headers).to.deep.equal(['Status -', 'Account descending', 'ID -', 'Created Date -', 'Updated Date -', 'Actions -']);
  });

  it('keeps a row reached by Shift+Tab clear of the sticky header', async () => {
    const { el } = await setup(connections(34));
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
    await waitUntil(() => scroller.style.scrollPaddingBlockStart !== '', 'scroll padding set');
    // The footer's first button, then back into the table: the last row; then up, one row at a time by Shift+Tab.
    el.shadowRoot!.querySelector<HTMLElement>('#show-links')!.focus();
    scroller.scrollTop = scroller.scrollHeight;
    const header = () => el.shadowRoot!.querySelector('thead th')!.getBoundingClientRect();
    for (let i = 0; i < 12; i++) {
      await shiftTab();
      const focused = deepActive()!.closest('tr')!;
      // The whole row, not only the focused button in it (scroll-margin on the row's controls).
      expect(focused.getBoundingClientRect().top, `row ${focused.dataset.id}`).to.be.at.least(header().bottom - 1);
    }
    expect(rows(el).length).to.be.greaterThan(12);
  });
});

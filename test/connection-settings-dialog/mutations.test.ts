// A change to one account re-renders that row only: rows are keyed by id and guarded on their
// inputs, and the store keeps unchanged connection objects identical. Counted as DOM mutations.
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { connections } from '../../mocks/data.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import { row, rows, setup, until } from './helpers.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Records every mutation in the dialog's shadow root while `action` runs. */
async function mutationsDuring(el: ConnectionSettingsDialog, action: () => Promise<unknown>): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
  await action();
  await el.updateComplete;
  await frame();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

/** The rendered row a mutation happened in, or the table body itself, or undefined (outside the table). */
function place(record: MutationRecord): string | undefined {
  const node = record.target instanceof Element ? record.target : record.target.parentElement;
  const tr = node?.closest('tbody tr');
  if (tr) return (tr as HTMLElement).dataset.id ?? 'spacer';
  return node?.closest('tbody, table') ? 'table' : undefined;
}

describe('connection-settings-dialog: DOM mutations per change', function () {
  this.timeout(20000);

  it('marking one row busy, then refreshed, touches that row only', async () => {
    const slow = http.post('/api/data-sources/:id/connections/:cid/refresh', async () => {
      await delay(300);
      return HttpResponse.json({ ...connections(300)[4], updatedAt: '2026-10-05T09:30:00.000Z' });
    });
    const { el, provider } = await setup(connections(300), { before: [slow] });
    const before = rows(el);
    expect(before.length).to.be.above(5);
    const target = row(el, 'conn_5')!;
    // Let the window settle first (rows measured, the estimate set).
    for (let i = 0; i < 3; i++) {
      await frame();
      await el.updateComplete;
    }

    let done: Promise<unknown> = Promise.resolve();
    const busy = await mutationsDuring(el, async () => {
      done = provider.store!.refresh('google-ads', 'conn_5');
      await until(el, () => target.getAttribute('aria-busy') === 'true');
    });
    const refreshed = await mutationsDuring(el, async () => {
      await done;
      await until(el, () => target.getAttribute('aria-busy') === 'false');
    });

    for (const records of [busy, refreshed]) {
      const places = records.map(place);
      // Inside the row: aria-busy, its buttons' aria-disabled, the new date; nowhere else in the table.
      expect(places.filter((p) => p === 'conn_5').length).to.be.within(3, 30);
      expect(places.filter((p) => p !== undefined && p !== 'conn_5')).to.deep.equal([]);
    }
    // Busy: the row's aria-busy and its three buttons' aria-disabled, nothing more.
    expect(busy.filter((r) => place(r) === 'conn_5').map((r) => r.attributeName).sort()).to.deep.equal([
      'aria-busy',
      'aria-disabled',
      'aria-disabled',
      'aria-disabled',
    ]);
    // The same row elements as before, none re-created.
    expect(rows(el)).to.deep.equal(before);
    expect(row(el, 'conn_5')!.querySelector('time[datetime="2026-10-05T09:30:00.000Z"]')).to.exist;
  });
});

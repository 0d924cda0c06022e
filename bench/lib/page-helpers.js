// Runs inside the benchmark page (a module script): the timed runs of each case, for both sides.
// Node only starts runs and collects numbers; the clock is the page's, so no round trip to Node
// is in any figure. Each function checks after the clock stopped that the run did what it says.
import { installFakeEndpoint } from './fake-endpoint.js';

installFakeEndpoint();

/** Until the first frame after now has been produced (rAF, then a task after it: painted). */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
/**
 * The next task, without setTimeout: a loop of nested timeouts is clamped to 4 ms a turn after the
 * fifth, which would add to the widgets' side (the only one that waits for data) time no widget spent.
 */
const channel = new MessageChannel();
const turns = [];
channel.port1.onmessage = () => turns.shift()?.();
const task = () => new Promise((resolve) => {
  turns.push(resolve);
  channel.port2.postMessage(null);
});

/** Cards, widgets side: a provider with `count` cards, attached in one task. */
async function widgetCards(count) {
  document.body.replaceChildren();
  window.bench.requests = 0;
  const provider = document.createElement('data-source-provider');
  provider.fetch = window.bench.fetch;
  provider.endpoint = '/bench';
  for (let i = 0; i < count; i++) {
    const card = document.createElement('data-source-card');
    card.source = `s${i}`;
    provider.append(card);
  }
  const cards = [...provider.children];
  window.bench.prepare(cards.map((card) => card.source));
  const start = performance.now();
  document.body.append(provider);
  // Settled = every card's store entry is ready and its render with that data has committed.
  while (!cards.every((card) => provider.store.get(card.source).status === 'ready')) await task();
  await Promise.all(cards.map((card) => card.updateComplete));
  await frame();
  const elapsed = performance.now() - start;
  const rendered = cards.filter((card) => card.shadowRoot.querySelector('[part~="summary"]')?.textContent.trim() === '2 accounts').length;
  if (rendered !== count) throw new Error(`widgets: ${rendered} of ${count} cards show their summary`);
  return { ms: elapsed, requests: window.bench.requests };
}

/** Cards, baseline side: `count` plain cards, each handed its data directly. */
async function plainCards(count) {
  document.body.replaceChildren();
  const host = document.createElement('div');
  for (let i = 0; i < count; i++) {
    const card = document.createElement('plain-card');
    card.data = window.bench.source(`s${i}`);
    host.append(card);
  }
  const cards = [...host.children];
  const start = performance.now();
  document.body.append(host);
  await Promise.all(cards.map((card) => card.updateComplete));
  await frame();
  const elapsed = performance.now() - start;
  const rendered = cards.filter((card) => card.shadowRoot.querySelector('[part~="summary"]')?.textContent.trim() === '2 accounts').length;
  if (rendered !== count) throw new Error(`baseline: ${rendered} of ${count} cards show their summary`);
  return { ms: elapsed, requests: 0 };
}

let dialogs;

/**
 * Both tables for `rows` accounts, closed: the real dialog under a provider, its data loaded
 * (opening then renders from the cache, as in the product), and the plain table with the same rows.
 */
async function mountDialogs(rows) {
  document.body.replaceChildren();
  const id = `big${rows}`;
  window.bench.sizes[id] = rows;
  const provider = document.createElement('data-source-provider');
  provider.fetch = window.bench.fetch;
  provider.endpoint = '/bench';
  const dialog = document.createElement('connection-settings-dialog');
  dialog.source = id;
  provider.append(dialog);
  const plain = document.createElement('plain-table');
  plain.rows = window.bench.source(id).connections;
  document.body.append(provider, plain);
  while (provider.store.get(id).status !== 'ready') await task();
  await Promise.all([dialog.updateComplete, plain.updateComplete]);
  await frame();
  dialogs = { widgets: dialog, baseline: plain, rows };
}

/**
 * Rows the filter shows: the dialog renders only those near the viewport and counts them all in
 * aria-rowcount (minus the header row); the plain table renders every one.
 */
const visibleRows = (el) => {
  const count = el.shadowRoot.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount');
  return count ? Number(count) - 1 : el.shadowRoot.querySelectorAll('tbody tr[data-id]:not([hidden])').length;
};

async function timed(el, action) {
  const start = performance.now();
  action();
  await el.updateComplete;
  await frame();
  return performance.now() - start;
}

function typeQuery(el, value) {
  const input = el.shadowRoot.querySelector('input[type="search"]');
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

/** Open, sort by Created Date, filter "Account 1"; then clear and close, untimed. */
async function dialogRun(side) {
  const el = dialogs[side];
  const open = await timed(el, () => (el.open = true));
  if (visibleRows(el) !== dialogs.rows) throw new Error(`${side}: ${visibleRows(el)} of ${dialogs.rows} rows after open`);
  const sort = await timed(el, () => el.shadowRoot.querySelector('th.col-created button').click());
  const filter = await timed(el, () => typeQuery(el, 'Account 1'));
  const matching = visibleRows(el);
  typeQuery(el, '');
  await el.updateComplete;
  el.open = false;
  await el.updateComplete;
  await frame();
  return { open, sort, filter, matching };
}

/** The element that scrolls the rows: the first candidate whose content overflows it. */
function scroller(el) {
  const candidates = el.shadowRoot.querySelectorAll('[part~="table-container"], [part~="body"], .body');
  return [...candidates].find((node) => node.scrollHeight > node.clientHeight + 1);
}

/** Opens the table and scrolls it `step` px per frame for `duration` ms; rAF timestamps give the frame deltas. */
async function scrollRun(side, duration = 2000, step = 40) {
  const el = dialogs[side];
  el.open = true;
  await el.updateComplete;
  await frame();
  const box = scroller(el);
  if (!box) throw new Error(`${side}: nothing scrolls`);
  box.scrollTop = 0;
  await frame();
  const stamps = [];
  await new Promise((resolve) => {
    const onFrame = (time) => {
      stamps.push(time);
      if (time - stamps[0] >= duration) return resolve();
      box.scrollTop += step;
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
  const scrolled = box.scrollTop;
  el.open = false;
  await el.updateComplete;
  await frame();
  return { deltas: stamps.slice(1).map((t, i) => t - stamps[i]), scrolled };
}

function clear() {
  document.body.replaceChildren();
  dialogs = undefined;
}

window.benchLib = { widgetCards, plainCards, mountDialogs, dialogRun, scrollRun, clear, frame };

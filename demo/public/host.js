// The host page's own code, as a product team would write it around the widgets: it lists the
// data sources, places a banner and a card for each, and (for the demo) drives the backend's
// demo routes and logs every event the widgets fire. No inline script and no innerHTML: the
// page runs under a strict CSP with Trusted Types, and server text is only ever set as text.
import * as widgets from '/dist/data-source-widgets.bundle.js';

const provider = document.querySelector('data-source-provider');
const endpoint = provider.getAttribute('endpoint');

// ---- Sign-in -----------------------------------------------------------------------------
// The API serves each user their own connections. A real host has its own sign-in; the demo
// signs in one of its two seeded users and gives the widgets the bearer token through the
// provider's `getHeaders`, the way a host hands over its own credential. The token stays in
// this module's memory: never in the DOM, never in storage a script of another page could read.

const userSelect = document.getElementById('user');
userSelect.value = sessionStorage.getItem('dsw-demo-user') ?? userSelect.value;
let token;

async function signIn() {
  const response = await fetch(`${endpoint}/demo/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user: userSelect.value }),
  });
  if (!response.ok) throw new Error(`The demo sign-in failed (HTTP ${response.status})`);
  ({ token } = await response.json());
}

/** Called by the widgets before each request, and with `refresh` after a 401. */
provider.getHeaders = async ({ refresh } = {}) => {
  if (!token || refresh) await signIn();
  return { Authorization: `Bearer ${token}` };
};

userSelect.addEventListener('change', () => {
  // Another user sees other connections: start the page over as them.
  sessionStorage.setItem('dsw-demo-user', userSelect.value);
  location.reload();
});

/** `el('p', { class: 'x' }, 'text', child)`: small DOM builder, text nodes only. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: { Accept: 'application/json', ...(await provider.getHeaders()) } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(endpoint + path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(json?.error?.message ?? `HTTP ${response.status}`);
  return json;
}

// ---- Cards and banners -------------------------------------------------------------------

const sourcesStatus = document.getElementById('sources-status');
let sources = [];

async function showSources() {
  try {
    ({ items: sources } = await api('GET', '/data-sources'));
  } catch (error) {
    sourcesStatus.textContent = `The data sources could not be listed: ${error.message}`;
    sourcesStatus.append(' ', el('a', { href: '' }, 'Reload the page'));
    return;
  }
  sourcesStatus.textContent = '';
  sourcesStatus.hidden = true;
  const banners = document.getElementById('banners');
  const cards = document.getElementById('cards');
  for (const source of sources) {
    banners.append(el('reconnect-banner', { source: source.id }));
    cards.append(el('li', {}, el('data-source-card', { source: source.id, 'heading-level': '3' })));
  }
  watchConnections();
}

// ---- Demo controls -----------------------------------------------------------------------

const failSelect = document.getElementById('fail-connection');
const controlsStatus = document.getElementById('controls-status');
const connectionsBySource = new Map();

/**
 * The select lists the healthy connections of every source, read from the same store the
 * widgets share (`provider.store`), so it follows every connect, delete and re-connect.
 */
function watchConnections() {
  const store = provider.store;
  if (!store) return;
  for (const source of sources) {
    connectionsBySource.set(source.id, store.get(source.id).connections);
    store.subscribe(source.id, (state) => {
      connectionsBySource.set(source.id, state.connections);
      renderFailOptions();
    });
  }
  renderFailOptions();
}

function renderFailOptions() {
  const chosen = failSelect.value;
  const groups = [];
  for (const source of sources) {
    const healthy = (connectionsBySource.get(source.id) ?? []).filter((c) => c.status === 'active');
    if (healthy.length === 0) continue;
    const group = el('optgroup', { label: source.name });
    for (const connection of healthy) {
      group.append(el('option', { value: `${source.id}/${connection.id}` }, `${connection.accountName} (${connection.accountId})`));
    }
    groups.push(group);
  }
  const placeholder = el('option', { value: '' }, groups.length ? 'Choose a connection…' : 'No healthy connection loaded');
  failSelect.replaceChildren(placeholder, ...groups);
  if ([...failSelect.options].some((option) => option.value === chosen)) failSelect.value = chosen;
}

function say(text) {
  controlsStatus.textContent = text;
}

document.getElementById('fail-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const [sourceId, connectionId] = failSelect.value.split('/');
  if (!sourceId || !connectionId) return say('Choose a connection first.');
  const name = failSelect.selectedOptions[0]?.textContent ?? connectionId;
  try {
    const connection = await api('POST', `/demo/data-sources/${sourceId}/connections/${connectionId}/revoke`);
    // The widgets learn of a change made behind their back when the host tells their store.
    await provider.store?.reload(sourceId);
    say(`Grant revoked at the platform: ${name} now fails: ${connection.error?.message ?? 'error'}`);
  } catch (error) {
    say(`Could not revoke the grant of ${name}: ${error.message}`);
  }
});

document.getElementById('reset').addEventListener('click', async () => {
  try {
    await api('POST', '/demo/reset');
    await Promise.all(sources.map((source) => provider.store?.reload(source.id)));
    say('The demo data was reset to the seed.');
  } catch (error) {
    say(`The reset failed: ${error.message}`);
  }
});

// ---- Event log ---------------------------------------------------------------------------

const log = document.getElementById('event-log');
const logEmpty = document.getElementById('event-log-empty');
const LOG_LIMIT = 100;

/** Every event class the library exports, so the log follows new events without edits here. */
const eventTypes = Object.values(widgets)
  .filter((value) => typeof value === 'function' && value.prototype instanceof widgets.DswEvent && typeof value.type === 'string')
  .map((value) => value.type);

/** Errors carry their fields as own properties, which JSON.stringify would drop with the rest. */
function jsonReplacer(_key, value) {
  if (value instanceof Error) return { name: value.name, message: value.message, ...value };
  return value;
}

function logEvent(event) {
  const time = new Date().toLocaleTimeString(undefined, { hour12: false });
  const flags = event.cancelable ? (event.defaultPrevented ? ' (cancelled)' : ' (cancelable)') : '';
  const entry = el(
    'li',
    { class: 'event', 'data-type': event.type },
    el('div', { class: 'event-head' }, el('code', { class: 'event-type' }, event.type), el('span', { class: 'muted' }, `${time}${flags}`)),
    el('pre', { class: 'event-detail' }, JSON.stringify(event.detail, jsonReplacer, 2) ?? 'undefined'),
  );
  log.prepend(entry);
  while (log.children.length > LOG_LIMIT) log.lastElementChild.remove();
  logEmpty.hidden = true;
}

for (const type of eventTypes) document.addEventListener(type, logEvent);

document.getElementById('clear-log').addEventListener('click', () => {
  log.replaceChildren();
  logEmpty.hidden = false;
});

showSources();

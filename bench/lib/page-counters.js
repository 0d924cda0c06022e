// Loaded into the profile page on demand (`await import('/counters.js')`): counts what one
// attach of many cards does, by wrapping the methods that do it. The wrappers cost time, so the
// timed profile runs in another page without them.
//
// `countLocaleWork()` must run before the library loads (an init script): the library keeps
// Intl objects in module-level caches, so constructions happen on first use and would be missed.

/** Wraps Intl constructors and the locale-sensitive built-ins; counts land in window.localeCounts. */
export function countLocaleWork() {
  const counts = (window.localeCounts = {});
  const inc = (key) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const name of ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'ListFormat', 'Collator', 'RelativeTimeFormat', 'Segmenter']) {
    const Original = Intl[name];
    if (!Original) continue;
    Intl[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        inc(`new Intl.${name}`);
        return Reflect.construct(target, args, newTarget === Intl[name] ? target : newTarget);
      },
    });
  }
  const wrap = (owner, method, label) => {
    const original = owner[method];
    owner[method] = function (...args) {
      inc(label);
      return original.apply(this, args);
    };
  };
  wrap(String.prototype, 'toLocaleUpperCase', 'String#toLocaleUpperCase');
  wrap(String.prototype, 'toLocaleLowerCase', 'String#toLocaleLowerCase');
  wrap(String.prototype, 'localeCompare', 'String#localeCompare');
  wrap(Date.prototype, 'toLocaleDateString', 'Date#toLocaleDateString');
  wrap(Date.prototype, 'toLocaleString', 'Date#toLocaleString');
  wrap(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
  // Explicit promise chaining (.then, and .catch / .finally, which call .then); `await` on a
  // native promise does not go through it, so this is a lower bound of the promise work.
  wrap(Promise.prototype, 'then', 'Promise#then (incl. catch/finally)');
}

/** Lit's classes are not exported: the prototype above `start` that owns `method`. */
function owner(start, method) {
  let proto = start;
  while (proto && !Object.hasOwn(proto, method)) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error(`no prototype owns ${method}`);
  return proto;
}

const inc = (map, key, n = 1) => (map[key] = (map[key] ?? 0) + n);

/** Wraps Lit's update cycle, the context protocol and the store; returns a `take()` that reads and resets. */
export async function installCounters() {
  // The same URL as the page's module script: the same module instance, so its exports.
  const lib = await import('/widgets.js');
  let counts;
  const reset = () => {
    counts = {
      requestUpdate: {},
      performUpdate: {},
      renders: {},
      rendersBy: {},
      contextRequests: {},
      renderMsByOrdinal: {},
      storeCalls: {},
      storeSetChanges: {},
      listenerCalls: 0,
    };
    for (const key of Object.keys(window.localeCounts ?? {})) delete window.localeCounts[key];
  };
  reset();

  const reactive = owner(lib.DataSourceCard.prototype, 'performUpdate');
  const lit = owner(lib.DataSourceCard.prototype, 'update');
  const requestUpdate = reactive.requestUpdate;
  reactive.requestUpdate = function (...args) {
    inc(counts.requestUpdate, this.localName);
    return requestUpdate.apply(this, args);
  };
  const performUpdate = reactive.performUpdate;
  reactive.performUpdate = function (...args) {
    inc(counts.performUpdate, this.localName);
    return performUpdate.apply(this, args);
  };
  const update = lit.update;
  const ordinals = new WeakMap();
  lit.update = function (changed) {
    inc(counts.renders, this.localName);
    // What this render was for: the properties that changed, or none (a controller asked).
    const keys = [...changed.keys()].map(String).sort().join(', ') || '(no property: a controller asked)';
    inc(counts.rendersBy, `${this.localName}: ${keys}`);
    // Time of the 1st, 2nd, 3rd… render of each element (render() and Lit's DOM commit).
    const ordinal = (ordinals.get(this) ?? 0) + 1;
    ordinals.set(this, ordinal);
    const start = performance.now();
    const result = update.call(this, changed);
    inc(counts.renderMsByOrdinal, `${this.localName} render #${ordinal}`, performance.now() - start);
    return result;
  };

  window.addEventListener(
    'context-request',
    (event) => inc(counts.contextRequests, String(event.context?.description ?? event.context)),
    true,
  );

  const store = lib.ConnectionStore.prototype;
  for (const method of ['subscribe', 'load', 'get', 'flush', 'loadBatch', 'loadOne', 'apply']) {
    const original = store[method];
    store[method] = function (...args) {
      inc(counts.storeCalls, method);
      return original.apply(this, args);
    };
  }
  const set = store.set;
  store.set = function (entry, change) {
    inc(counts.storeCalls, 'set');
    inc(counts.storeSetChanges, Object.keys(change).sort().join(', '));
    counts.listenerCalls += entry.listeners.size;
    return set.call(this, entry, change);
  };

  window.benchCounters = {
    reset,
    take() {
      const taken = { ...counts, locale: { ...(window.localeCounts ?? {}) } };
      reset();
      return taken;
    },
  };
}

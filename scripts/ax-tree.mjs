// The browser's own accessibility tree, read over the Chrome DevTools Protocol, for tests that
// assert what assistive technology is given (computed roles, names, states), not what the DOM
// says. `send` is a CDP session's send (Puppeteer's in web-test-runner.config.mjs, Playwright's
// in the end-to-end tests); elements are found by a script, shadow roots included.

/** Finds the deep active element: the focused element inside shadow roots, or <body>. */
const ACTIVE = `(() => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active;
})()`;

/** Selectors walked through shadow roots: ['data-source-card', '[part~="card"]']. */
const deepQuery = (selectors) => `(() => {
  let scope = document;
  let found = null;
  for (const selector of ${JSON.stringify(selectors)}) {
    found = scope.querySelector(selector);
    if (!found) return null;
    scope = found.shadowRoot || found;
  }
  return found;
})()`;

/** Roles that carry nothing of their own: their children are listed in their place. */
const TRANSPARENT = new Set(['generic', 'none', 'presentation', 'StaticText', 'InlineTextBox', 'LineBreak', 'LayoutTableColumn']);

/** The AX properties kept as states, and how each reads (`name=value`, or just `name` when true). */
const STATES = ['disabled', 'busy', 'focused', 'expanded', 'pressed', 'checked', 'selected', 'modal', 'invalid', 'required', 'level', 'sort', 'rowindex', 'rowcount', 'colindex', 'keyshortcuts'];

function states(node) {
  const out = [];
  for (const property of node.properties ?? []) {
    if (!STATES.includes(property.name)) continue;
    const value = property.value?.value;
    if (value === false || value === undefined || value === 'none' || value === 'false') continue;
    // Chromium gives some booleans as 1 (busy): a state is there or not.
    const on = value === true || value === 'true' || (value === 1 && property.name === 'busy');
    out.push(on ? property.name : `${property.name}=${value}`);
  }
  return out.sort();
}

async function objectFor(send, expression) {
  const { result } = await send('Runtime.evaluate', { expression, returnByValue: false });
  return result.subtype === 'null' || !result.objectId ? undefined : result.objectId;
}

/** `{ role, name, description?, states }` of one node, as Chromium computed them. */
function summary(node) {
  const item = { role: node.role?.value ?? '', name: node.name?.value ?? '', states: states(node) };
  const description = node.description?.value;
  if (description) item.description = description;
  return item;
}

/** Role, name, description and states of the focused element (through shadow roots). */
export async function focusedNode(send) {
  await send('Accessibility.enable');
  const objectId = await objectFor(send, ACTIVE);
  if (!objectId) return { role: '', name: '', states: [], tag: '' };
  const { nodes } = await send('Accessibility.getPartialAXTree', { objectId, fetchRelatives: false });
  const { result } = await send('Runtime.callFunctionOn', { objectId, functionDeclaration: 'function () { return this.localName; }', returnByValue: true });
  const node = nodes.find((n) => !n.ignored) ?? nodes[0];
  return { ...summary(node ?? {}), tag: result.value };
}

/**
 * The accessibility tree under the element `selectors` finds: nodes with a meaningful role, each
 * `{ role, name, description?, states, children }`; generic and ignored nodes are left out and
 * their children listed in their place.
 */
export async function axTree(send, selectors) {
  await send('Accessibility.enable');
  const objectId = await objectFor(send, deepQuery(selectors));
  if (!objectId) throw new Error(`No element at ${selectors.join(' >> ')}`);
  const { node } = await send('DOM.describeNode', { objectId });
  const { nodes } = await send('Accessibility.getFullAXTree', {});
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const root = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  if (!root) throw new Error(`No accessibility node for ${selectors.join(' >> ')}`);
  const build = (n) => {
    const children = (n.childIds ?? []).map((id) => byId.get(id)).filter(Boolean).flatMap(build);
    if (n.ignored || TRANSPARENT.has(n.role?.value)) return children;
    return [{ ...summary(n), children }];
  };
  return build(root);
}

/**
 * Focus helpers shared by the elements. `focusNextAfter` says where keyboard focus goes when an
 * element removes the control that had it (the banner's Dismiss): the nearest focusable element
 * after it in the page's reading order, else the nearest before it. "The page" is the flat tree,
 * as the user meets it: open shadow trees included and slotted children where their slot is, so
 * the next card's Connect button counts.
 */

/** The element and what is rendered inside it, in document order; `skip`'s inside is left out. */
function* flatTree(element: Element, skip: Element): Generator<Element> {
  yield element;
  if (element === skip) return;
  for (const child of flatChildren(element)) yield* flatTree(child, skip);
}

function flatChildren(element: Element): Element[] {
  // A host renders its shadow tree; its light children appear only through its slots.
  if (element.shadowRoot) return [...element.shadowRoot.children];
  if (element instanceof HTMLSlotElement) {
    const assigned = element.assignedElements();
    // Nothing assigned (or a slot outside any shadow tree): its own children are what shows.
    return assigned.length ? assigned : [...element.children];
  }
  return [...element.children];
}

/** In the tab sequence and rendered; inert or otherwise refused focus is caught by `tryFocus`. */
function isCandidate(element: Element): element is HTMLElement | SVGElement {
  if (!(element instanceof HTMLElement || element instanceof SVGElement)) return false;
  if (element.tabIndex < 0 || element.matches(':disabled')) return false;
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true })
    : element.getClientRects().length > 0;
}

/** Focus went there (not refused, as inert content refuses it); `:focus` would also need the window to have focus. */
function tryFocus(element: HTMLElement | SVGElement): boolean {
  element.focus();
  return (element.getRootNode() as Document | ShadowRoot).activeElement === element;
}

/**
 * Focuses the first focusable element after `element` (outside it), else the last one before
 * it; returns whether focus moved. Called once per user action, so a walk of the page is fine.
 */
export function focusNextAfter(element: Element): boolean {
  const before: Element[] = [];
  let passed = false;
  for (const node of flatTree(element.ownerDocument.documentElement, element)) {
    if (node === element) {
      passed = true;
    } else if (!passed) {
      before.push(node);
    } else if (isCandidate(node) && tryFocus(node)) {
      return true;
    }
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const node = before[i]!;
    if (isCandidate(node) && tryFocus(node)) return true;
  }
  return false;
}

/** The focused element, looking inside shadow roots (an opener is often in one). */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

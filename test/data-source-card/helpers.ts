// Shared by the card and banner tests: msw scenarios, fixtures under a provider, and the steps
// of the pop-up flow as a user (and the provider's callback page) would take them.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import '../../src/define/data-source-provider.js';
import '../../src/define/data-source-card.js';
import '../../src/define/reconnect-banner.js';
import { loadAuthorization } from '../../src/auth/lazy.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import { mockEndpoint, type MockEndpoint, type MockOptions } from '../../mocks/endpoint.js';
import type { MockSource } from '../../mocks/data.js';
import { providerState, type FakePopup } from '../../mocks/popup.js';
import { useHandlers } from '../helpers/msw.js';
import { visible } from '../helpers/text.js';

/** Per-test time limit of these suites (mocha's default 2 s is tight on a loaded CI box). */
export const SLOW = 15_000;

/** Serves `sources` through msw (base `/api` unless told) and returns the stateful endpoint. */
export async function serve(sources: MockSource[], options: MockOptions = {}): Promise<MockEndpoint> {
  const endpoint = mockEndpoint(sources, options);
  await useHandlers(...endpoint.handlers);
  return endpoint;
}

// The pop-up flow's code loads on demand (test/auth/lazy.test.ts covers that); loaded up front
// here, so that each test's flow starts inside its click and no request of one test's flow can
// reach the next test's log while the code is on its way.
before(() => loadAuthorization());

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

/**
 * Renders `template` into a new container in the page (removed after the test). Unlike
 * `fixture()` on a plain element, it waits for no animation frame, which a page running in the
 * background (the runner's second tab) may never get.
 */
export function mount(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(template, container);
  mounted.push(container);
  return container;
}

/** Renders `content` inside a fresh `<data-source-provider endpoint="/api">` (a fresh cache). */
export async function underProvider(content: TemplateResult): Promise<DataSourceProvider> {
  return fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">${content}</data-source-provider>`);
}

export function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(element: Element, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Text as a user reads it (see `visible`). */
export function text(node: Node | null | undefined): string {
  return visible(node?.textContent);
}

/** The shadow button whose visible text is `label`. */
export function button(element: Element, label: string): HTMLButtonElement | undefined {
  return [...element.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === label);
}

// Generous: the machine running the suite may be busy; a real hang still fails.
export async function until(predicate: () => unknown, message: string, timeout = 5000): Promise<void> {
  await waitUntil(predicate, message, { timeout, interval: 10 });
}

/** Like `oneEvent`, but a missing event fails with its name instead of hanging the test. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
  timeout = 5000,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      target.removeEventListener(type, listener);
      reject(new Error(`no ${type} event within ${timeout} ms`));
    }, timeout);
    const listener = (event: Event) => {
      clearTimeout(timer);
      resolve(event as GlobalEventHandlersEventMap[K]);
    };
    target.addEventListener(type, listener, { once: true });
  });
}

/** Waits for the card to leave its skeleton. */
export async function cardLoaded(card: Element): Promise<void> {
  await until(() => part(card, 'card')?.getAttribute('aria-busy') === 'false', 'card loaded');
}

/** The `state` of the flow once its pop-up was sent to the provider (see mocks/popup.ts). */
export const providerPage = (popup: FakePopup): Promise<string> => providerState(popup);

/** What the callback page posts once the provider redirected back with success. */
export function completeAuthorization(
  endpoint: MockEndpoint,
  popup: FakePopup,
  state: string,
  account?: { accountName: string; accountId: string },
) {
  const outcome = endpoint.complete(state, account);
  popup.post({ type: 'dsw-authorization', ...outcome });
  return outcome;
}

// Fixtures for the dialog tests: a fresh provider (so a fresh store) around the dialog, the
// stateful mock endpoint at /api, and small readers of what the user sees.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import '../../src/define/connection-settings-dialog.js';
import '../../src/define/data-source-provider.js';
import type { Connection } from '../../src/api/types.js';
import type { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import { googleAds } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint, type MockOptions } from '../../mocks/endpoint.js';
import { loadAuthorization } from '../../src/auth/lazy.js';
import { useHandlers } from '../helpers/msw.js';
import { visible } from '../helpers/text.js';

export interface Setup {
  el: ConnectionSettingsDialog;
  provider: DataSourceProvider;
  opener: HTMLButtonElement;
  endpoint: MockEndpoint;
  root: ShadowRoot;
}

export interface SetupOptions {
  open?: boolean;
  source?: string;
  locale?: string;
  mock?: MockOptions;
  /** Handlers that take precedence over the mock endpoint's. */
  before?: RequestHandler[];
  /** Wait until rows, the empty state or the load error show (default true). */
  settle?: boolean;
}

// The pop-up flow's code loads on demand (test/auth/lazy.test.ts covers that); loaded up front
// here, so that each test's flow starts inside its click.
before(() => loadAuthorization());

export async function setup(list: Connection[], options: SetupOptions = {}): Promise<Setup> {
  // wtr runs two files at once in two tabs; the background one gets no focus events and no
  // keys. Asking for focus brings them back (these tests are about focus).
  window.focus();
  const endpoint = mockEndpoint([googleAds(list)], options.mock);
  await useHandlers(...(options.before ?? []), ...endpoint.handlers);
  // The provider (a Lit element) is the fixture's root: a plain root makes fixture() wait for an
  // animation frame, which never comes in the background tab of a concurrent wtr run.
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <connection-settings-dialog
      source=${options.source ?? 'google-ads'}
      locale=${options.locale ?? 'en-US'}
      ?open=${options.open ?? true}
    ></connection-settings-dialog>
  </data-source-provider>`);
  const el = provider.querySelector('connection-settings-dialog')!;
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.textContent = 'Manage';
  // In the fixture's container, so the fixture cleanup removes it too.
  provider.before(opener);
  opener.addEventListener('click', () => el.show());
  if (options.settle ?? true) await settled(el);
  return { el, provider, opener, endpoint, root: el.shadowRoot! };
}

/** Rows, the empty state or an error are on screen (not the loading skeleton); closed: loaded. */
export async function settled(el: ConnectionSettingsDialog): Promise<void> {
  const root = el.shadowRoot!;
  const provider = el.closest('data-source-provider');
  await waitUntil(
    () =>
      el.open
        ? root.querySelector('tr[data-id], .empty, .load-error, .no-match')
        : ['ready', 'error'].includes(provider?.store?.get(el.source).status ?? ''),
    'the dialog never left its loading state',
  );
  await el.updateComplete;
}

export const rows = (el: ConnectionSettingsDialog): HTMLTableRowElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]'),
];

export const rowIds = (el: ConnectionSettingsDialog): string[] => rows(el).map((row) => row.dataset.id!);

export function row(el: ConnectionSettingsDialog, id: string): HTMLTableRowElement | null {
  return el.shadowRoot!.querySelector<HTMLTableRowElement>(`tbody tr[data-id="${id}"]`);
}

export function button(el: ConnectionSettingsDialog, id: string, action: string): HTMLButtonElement {
  const found = row(el, id)?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!found) throw new Error(`No ${action} button in row ${id}`);
  return found;
}

/** The text a sighted user reads in a cell, whitespace collapsed. */
export const text = (node: Element | null | undefined): string => visible(node?.textContent);

/** The message the live region holds. */
export const message = (el: ConnectionSettingsDialog): string => text(el.shadowRoot!.querySelector('[part~="message"]'));

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export const mainDialog = (el: ConnectionSettingsDialog) => el.shadowRoot!.querySelector<HTMLDialogElement>('#dialog')!;
export const confirmDialog = (el: ConnectionSettingsDialog) => el.shadowRoot!.querySelector<HTMLDialogElement>('#confirm')!;

/** Until `el` shows what `check` wants, rendered. */
export async function until(el: ConnectionSettingsDialog, check: () => unknown, message?: string): Promise<void> {
  await waitUntil(check, message, { timeout: 3000 });
  await el.updateComplete;
}

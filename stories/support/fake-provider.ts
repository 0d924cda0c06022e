// A stand-in for the provider's sign-in pop-up, so that Connect and Re-connect work in every
// story: `window.open` hands the widget a fake window whose "page" is a small modal dialog in
// this document. The user picks an account and allows or denies; the outcome is recorded in the
// story's mock endpoint and sent the way the real callback page sends it when it shares the
// host's origin (the `dsw-authorization` BroadcastChannel). Everything else is the product's own
// flow: the cancelable request event, the endpoint calls, the reload, the events.
import { http, type RequestHandler } from 'msw';
import type { AuthorizationMessage, AuthorizationOutcome, Connection } from '../../src/api/types.js';
import type { MockEndpoint } from '../../mocks/endpoint.js';

interface Started {
  endpoint: MockEndpoint;
  sourceId: string;
  connectionId?: string;
}

/** Authorizations the widgets asked for, newest last, until a pop-up page takes one. */
const started: Started[] = [];

/**
 * Notes each authorization a widget starts at `base` (the page needs the source and the
 * connection being re-connected, which the mock endpoint keeps to itself), then lets the mock
 * endpoint answer: a resolver that returns nothing passes the request on to the next handler.
 */
export function noteAuthorizations(base: string, endpoint: MockEndpoint): RequestHandler {
  return http.post(`${base}/data-sources/:sourceId/authorizations`, async ({ params, request }) => {
    const body = (await request.clone().json()) as { connectionId?: string };
    started.push({ endpoint, sourceId: String(params.sourceId), connectionId: body.connectionId });
  });
}

let installed = false;

/** Replaces `window.open` for the whole Storybook preview (stories never open real windows). */
export function installFakeProvider(): void {
  if (installed) return;
  installed = true;
  window.open = (() => new ProviderWindow() as unknown as Window) as typeof window.open;
}

/** The authorization `state` belongs to the newest noted one whose endpoint issued it. */
function take(state: string): Started | undefined {
  for (let i = started.length - 1; i >= 0; i -= 1) {
    if (started[i]!.endpoint.outcomes.get(state)?.status === 'pending') return started.splice(i, 1)[0];
  }
  return undefined;
}

class ProviderWindow {
  closed = false;
  readonly location = { replace: (url: string) => this.navigate(url) };
  private readonly page = document.createElement('dialog');

  constructor() {
    this.page.setAttribute('aria-labelledby', 'fake-provider-title');
    this.page.style.cssText =
      'font: 14px/1.4 system-ui, sans-serif; color: #111827; background: #fff; border: 1px solid #d1d5db; ' +
      'border-radius: 8px; padding: 1rem 1.25rem; inline-size: min(24rem, 90vw)';
    this.page.addEventListener('cancel', () => this.close());
    this.page.innerHTML = '<p id="fake-provider-title" style="margin: 0; font-weight: 600">Opening the sign-in page…</p>';
    document.body.append(this.page);
    this.page.showModal();
  }

  focus(): void {
    this.page.focus();
  }

  /** The user closed the pop-up: the flow notices, asks the endpoint, and reports a cancel. */
  close(): void {
    this.closed = true;
    if (this.page.open) this.page.close();
    this.page.remove();
  }

  private navigate(url: string): void {
    const state = new URL(url).searchParams.get('state');
    const request = state ? take(state) : undefined;
    const source = request?.endpoint.sources.get(request.sourceId);
    if (!state || !request || !source) {
      this.page.querySelector('p')!.textContent = 'No story endpoint issued this authorization. Press Escape to close.';
      return;
    }
    const { endpoint } = request;
    const reconnecting = source.connections.find((c) => c.id === request.connectionId);
    const choices: Array<Pick<Connection, 'accountName' | 'accountId'>> = reconnecting
      ? [reconnecting, { accountName: 'Another account', accountId: '555-000-999' }]
      : [...source.connections, { accountName: `New account ${source.connections.length + 1}`, accountId: `900-${Date.now() % 100000}` }];
    const selected = reconnecting ? 0 : choices.length - 1;

    this.page.replaceChildren();
    this.page.insertAdjacentHTML(
      'beforeend',
      `<form method="dialog" style="display: grid; gap: 0.75rem">
        <h2 id="fake-provider-title" style="margin: 0; font-size: 1.1rem"></h2>
        <p style="margin: 0; color: #4b5563">A simulated provider page (Storybook): pick the account you sign in as.</p>
        <fieldset style="border: 0; margin: 0; padding: 0; display: grid; gap: 0.25rem">
          <legend style="padding: 0; margin-block-end: 0.25rem; font-weight: 600">Sign in as</legend>
        </fieldset>
        <div style="display: flex; gap: 0.5rem; justify-content: flex-end">
          <button type="button" value="deny">Deny</button>
          <button type="button" value="allow" style="font-weight: 600">Allow</button>
          <button type="button" value="close">Close window</button>
        </div>
      </form>`,
    );
    this.page.querySelector('h2')!.textContent = `Sign in to ${source.name}`;
    const fieldset = this.page.querySelector('fieldset')!;
    choices.forEach((choice, index) => {
      const label = document.createElement('label');
      const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'account', value: String(index) });
      radio.checked = index === selected;
      label.append(radio, ` ${choice.accountName} (${choice.accountId})`);
      fieldset.append(label);
    });
    this.page.querySelector<HTMLElement>(`input[value="${selected}"]`)?.focus();

    this.page.querySelector('form')!.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest('button')?.value;
      if (!action) return;
      if (action === 'close') return this.close();
      const index = Number(this.page.querySelector<HTMLInputElement>('input[name="account"]:checked')?.value ?? selected);
      const account = choices[index]!;
      let outcome: AuthorizationOutcome;
      if (action === 'deny') {
        outcome = failed(state, 'access_denied', 'Access was denied at the provider.');
      } else if (reconnecting && account !== reconnecting) {
        outcome = failed(
          state,
          'account_mismatch',
          `You signed in as "${account.accountName}" (ID ${account.accountId}), but the connection being re-connected is ` +
            `"${reconnecting.accountName}" (ID ${reconnecting.accountId}).`,
        );
      } else {
        outcome = endpoint.complete(state, { accountName: account.accountName, accountId: account.accountId });
      }
      endpoint.outcomes.set(state, outcome);
      const message: AuthorizationMessage = { type: 'dsw-authorization', ...outcome };
      const channel = new BroadcastChannel('dsw-authorization');
      channel.postMessage(message);
      channel.close();
    });
  }
}

function failed(state: string, code: string, message: string): AuthorizationOutcome {
  return { state, status: 'failed', error: { code, message } };
}

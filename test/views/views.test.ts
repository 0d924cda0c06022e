import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { HttpError, NetworkError, TimeoutError, UnauthorizedError, InvalidResponseError } from '../../src/api/errors.js';
import type { Notice } from '../../src/controllers/connect-controller.js';
import { en as core } from '../../src/strings/en.js';
import { enSelection } from '../../src/strings/en-selection.js';
import type { Strings } from '../../src/strings/strings.js';
import { actionFailureText, loadFailureText } from '../../src/views/error-text.js';
import { failureIndex, failureView } from '../../src/views/failure-view.js';
import { deepActiveElement, focusNextAfter } from '../../src/views/focus.js';
import { noticeActions, noticeView } from '../../src/views/notice-view.js';
import { connections } from '../../mocks/data.js';

const en: Strings = { ...core, ...enSelection };

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((container) => container.remove()));

function mount(template: unknown): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  return container;
}

const buttons = (root: Element) => [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());

describe('views: error text', () => {
  it('says what a failed load means, whichever error it was', () => {
    expect(loadFailureText(new UnauthorizedError('401'), en)).to.equal(en.unauthorized);
    expect(loadFailureText(new HttpError(404, 'not_found', 'No such source'), en)).to.equal(en.unknownSource);
    expect(loadFailureText(new NetworkError('Failed to fetch'), en)).to.equal(en.endpointUnreachable);
    expect(loadFailureText(new TimeoutError(15000), en)).to.equal(en.endpointUnreachable);
    expect(loadFailureText(new HttpError(500, 'boom', 'Internal'), en)).to.equal(en.loadFailed);
    expect(loadFailureText(new InvalidResponseError('not JSON'), en)).to.equal(en.loadFailed);
  });

  it("adds the endpoint's reason to a refused action, not a crash's or the network's", () => {
    const text = en.deleteFailed('Account 2');
    expect(actionFailureText(new HttpError(409, 'conflict', 'Re-connect first.'), text, en)).to.equal(en.failureReason(text, 'Re-connect first.'));
    expect(actionFailureText(new UnauthorizedError('401'), text, en)).to.equal(en.failureReason(text, en.unauthorized));
    expect(actionFailureText(new HttpError(503, 'down', 'Stack trace…'), text, en)).to.equal(text);
    expect(actionFailureText(new NetworkError('Failed to fetch'), text, en)).to.equal(text);
  });
});

describe('views: notice', () => {
  const calls: string[] = [];
  const actions = { retryConnect: () => calls.push('retry'), add: () => calls.push('add') };
  beforeEach(() => (calls.length = 0));

  it('offers Retry and "Add it as a new connection" only when the notice says so, and runs them', () => {
    const both: Notice = { tone: 'error', text: 'x', retry: true, offerAddNew: true };
    const root = mount(noticeActions(both, en, actions, 'quiet'));
    expect(buttons(root)).to.deep.equal([en.retry, en.addAsNewConnection]);
    expect(root.querySelector('button')!.className).to.equal('quiet');
    root.querySelectorAll('button').forEach((b) => b.click());
    expect(calls).to.deep.equal(['retry', 'add']);
    expect(buttons(mount(noticeActions({ tone: 'info', text: 'x' }, en, actions)))).to.deep.equal([]);
  });

  it('is a live region from the start when asked, with a dismiss button only when it can be dismissed', () => {
    const empty = mount(noticeView({ notice: undefined, strings: en, actions, live: true, onDismiss: () => {} }));
    expect(empty.querySelector('p')!.getAttribute('role')).to.equal('status');
    expect(buttons(empty)).to.deep.equal([]);
    let dismissed = false;
    const notice: Notice = { tone: 'error', text: en.popupBlocked, retry: true };
    const shown = mount(noticeView({ notice, strings: en, actions, live: false, onDismiss: () => (dismissed = true) }));
    expect(shown.querySelector('p')!.hasAttribute('role')).to.equal(false);
    expect(shown.querySelector('[part="notice"]')!.getAttribute('data-tone')).to.equal('error');
    expect(buttons(shown)).to.deep.equal([en.retry, en.dismissNotice]);
    shown.querySelector<HTMLButtonElement>(`[aria-label="${en.dismissNotice}"]`)!.click();
    expect(dismissed).to.equal(true);
    expect(buttons(mount(noticeView({ notice, strings: en, actions, live: false })))).to.deep.equal([en.retry]);
  });
});

describe('views: failure', () => {
  it('shows the picked failure while it still fails, else the first', () => {
    const failing = connections(3, [0, 1, 2]);
    expect(failureIndex(failing, 'conn_2')).to.equal(1);
    expect(failureIndex(failing, 'gone')).to.equal(0);
    expect(failureIndex(failing, undefined)).to.equal(0);
  });

  it('names the account, pages around, and re-connects the one shown', () => {
    const failing = connections(3, [0, 1, 2]);
    const seen: string[] = [];
    const root = mount(
      failureView({
        failures: failing,
        index: 2,
        strings: en,
        pending: false,
        showAccount: true,
        onReconnect: (c) => seen.push(`reconnect ${c.id}`),
        onNavigate: (i) => seen.push(`go ${i}`),
      }),
    );
    expect(root.querySelector('[part="failure-account"]')!.textContent).to.equal('Account 3');
    expect(root.querySelector('.position')!.textContent).to.equal(en.failurePosition(3, 3));
    root.querySelector<HTMLButtonElement>(`[aria-label="${en.nextFailure}"]`)!.click();
    root.querySelector<HTMLButtonElement>(`[aria-label="${en.previousFailure}"]`)!.click();
    root.querySelector<HTMLButtonElement>('[part~="reconnect-button"]')!.click();
    // Wraps around: next after the last is the first.
    expect(seen).to.deep.equal(['go 0', 'go 1', 'reconnect conn_3']);
  });
});

describe('views: focus', () => {
  it('finds the focused element inside shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Inside</button>';
    root.querySelector('button')!.focus();
    expect(deepActiveElement()).to.equal(root.querySelector('button'));
  });

  it('moves focus to the next focusable element after one, else the one before', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Before</button>
      <section id="gone"><button>Inside</button></section>
      <button id="after" hidden>Hidden</button>
      <a id="link" href="#x">Link</a>
    </div>`);
    const gone = page.querySelector('#gone')!;
    expect(focusNextAfter(gone)).to.equal(true);
    expect(document.activeElement!.id).to.equal('link');
    page.querySelector('#link')!.remove();
    expect(focusNextAfter(gone)).to.equal(true);
    expect(document.activeElement!.id).to.equal('before');
  });
});

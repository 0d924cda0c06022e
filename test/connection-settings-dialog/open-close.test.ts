import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { connections } from '../../mocks/data.js';
import { requestsTo } from '../helpers/msw.js';
import { deepActive, mainDialog, setup, text, until } from './helpers.js';

describe('connection-settings-dialog: opening and closing', function () {
  this.timeout(20000);

  it('loads while closed but renders no rows until opened', async () => {
    const { el, root } = await setup(connections(2), { open: false, settle: false });
    let events = 0;
    el.addEventListener('dsw-dialog-opened', () => events++);
    await until(el, () => requestsTo('GET /api/data-sources/google-ads').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(mainDialog(el).open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(mainDialog(el).getBoundingClientRect().height).to.equal(0);
    expect(root.querySelector('table')).to.equal(null);
    expect(events).to.equal(0);
    el.show();
    await el.updateComplete;
    // Already loaded: the rows are there at once, with no second request.
    expect(root.querySelectorAll('tbody tr[data-id]')).to.have.length(2);
    expect(requestsTo('GET /api/data-sources/google-ads')).to.have.length(1);
  });

  it('opens as a modal with show(), reflects open, fires dsw-dialog-opened and takes focus', async () => {
    const { el, opener } = await setup(connections(2), { open: false });
    opener.focus();
    const opened = oneEvent(el, 'dsw-dialog-opened');
    el.show();
    const event = await opened;
    expect(event.detail).to.deep.equal({ sourceId: 'google-ads' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(mainDialog(el).matches(':modal')).to.equal(true);
    expect(mainDialog(el).contains(deepActive())).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is named by its heading, which names the data source', async () => {
    const { el, root } = await setup(connections(2));
    const dialog = mainDialog(el);
    const heading = root.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).to.equal('H2');
    expect(text(heading)).to.equal('Google Ads connections');
  });

  it('close() closes it, fires dsw-dialog-closed and gives focus back to the opener', async () => {
    const { el, opener } = await setup(connections(2), { open: false });
    opener.focus();
    el.show();
    await oneEvent(el, 'dsw-dialog-opened');
    expect(deepActive()).not.to.equal(opener);
    const closed = oneEvent(el, 'dsw-dialog-closed');
    el.close();
    expect((await closed).detail).to.deep.equal({ sourceId: 'google-ads' });
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(mainDialog(el).open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const { el, opener } = await setup(connections(2), { open: false });
    opener.focus();
    const opened = oneEvent(el, 'dsw-dialog-opened');
    await sendKeys({ press: 'Enter' }); // a real key press opens it, as a user would
    await opened;
    const closed = oneEvent(el, 'dsw-dialog-closed');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('closes with its close button', async () => {
    const { el, root } = await setup(connections(2));
    const close = root.querySelector<HTMLButtonElement>('[part="close-button"]')!;
    expect(close.getAttribute('aria-label')).to.equal('Close');
    const closed = oneEvent(el, 'dsw-dialog-closed');
    close.click();
    await closed;
    expect(el.open).to.equal(false);
  });

  it('closes when the open attribute is removed, and opens again when it is set', async () => {
    const { el } = await setup(connections(2));
    const closed = oneEvent(el, 'dsw-dialog-closed');
    el.removeAttribute('open');
    await closed;
    expect(mainDialog(el).open).to.equal(false);
    const opened = oneEvent(el, 'dsw-dialog-opened');
    el.setAttribute('open', '');
    await opened;
    expect(mainDialog(el).open).to.equal(true);
  });

  it('gives focus back to the opener when removed while open', async () => {
    const { el, opener } = await setup(connections(1), { open: false });
    opener.focus();
    el.show();
    await el.updateComplete;
    expect(deepActive()).not.to.equal(opener);
    el.remove();
    expect(document.activeElement).to.equal(opener);
    expect(el.open).to.equal(false);
  });

  it('keeps focus inside while open: the page behind is inert', async () => {
    const { el, opener } = await setup(connections(1), { open: false });
    opener.focus();
    const opened = oneEvent(el, 'dsw-dialog-opened');
    await sendKeys({ press: 'Enter' });
    await opened;
    const visited = new Set<Element>();
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      // Past the last control, Chrome hands focus to its own toolbar (body in the page).
      if (active && active !== document.body) {
        expect(mainDialog(el).contains(active), `after ${i + 1} Tab`).to.equal(true);
        visited.add(active);
      }
    }
    expect(visited.has(opener)).to.equal(false);
    expect(visited.size).to.be.greaterThan(5);
  });
});

import { aTimeout, expect, html } from '@open-wc/testing';
import { connections, googleAds } from '../../mocks/data.js';
import { ConnectionSettingsDialog } from '../../src/connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceCard } from '../../src/data-source-card/data-source-card.js';
import { SLOW, cardLoaded, nextEvent, part, serve, underProvider, until } from './helpers.js';

const dialogTag = () => customElements.getName(ConnectionSettingsDialog)!;
const dialogIn = (el: Element) => el.shadowRoot!.querySelector<ConnectionSettingsDialog>(dialogTag());

async function connectedCard(attributes = ''): Promise<DataSourceCard> {
  await serve([googleAds(connections(2))]);
  const provider = await underProvider(
    attributes === 'dark'
      ? html`<data-source-card source="google-ads" theme="dark"></data-source-card>`
      : html`<data-source-card source="google-ads"></data-source-card>`,
  );
  const el = provider.querySelector('data-source-card')!;
  await cardLoaded(el);
  return el;
}

describe('data-source-card: connection settings', function () {
  this.timeout(SLOW);

  it('renders no dialog until the first open', async () => {
    const el = await connectedCard();
    expect(dialogIn(el)).to.equal(null);
  });

  it('fires a cancelable dsw-open-settings-request, then opens the dialog in its shadow root', async () => {
    const el = await connectedCard();
    const request = nextEvent(el, 'dsw-open-settings-request');
    const opened = nextEvent(el, 'dsw-dialog-opened');
    part(el, 'settings-button')!.click();
    const event = await request;
    expect(event.detail).to.deep.equal({ sourceId: 'google-ads' });
    expect(event.cancelable).to.equal(true);
    await opened;
    const dialog = dialogIn(el)!;
    expect(dialog).to.be.instanceOf(ConnectionSettingsDialog);
    expect(dialog.open).to.equal(true);
    expect(dialog.source).to.equal('google-ads');
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
  });

  it('a prevented request opens nothing', async () => {
    const el = await connectedCard();
    el.addEventListener('dsw-open-settings-request', (event) => event.preventDefault());
    let opened = 0;
    el.addEventListener('dsw-dialog-opened', () => opened++);
    part(el, 'settings-button')!.click();
    await aTimeout(50);
    expect(dialogIn(el)).to.equal(null);
    expect(opened).to.equal(0);
  });

  it('closing gives focus back to Connection settings; opening again reuses the dialog', async () => {
    const el = await connectedCard();
    const settings = part(el, 'settings-button')!;
    settings.focus();
    const opened = nextEvent(el, 'dsw-dialog-opened');
    settings.click();
    await opened;
    const dialog = dialogIn(el)!;
    const closed = nextEvent(el, 'dsw-dialog-closed');
    dialog.close();
    await closed;
    expect(el.shadowRoot!.activeElement).to.equal(settings);

    const again = nextEvent(el, 'dsw-dialog-opened');
    settings.click();
    await again;
    expect(el.shadowRoot!.querySelectorAll(dialogTag())).to.have.length(1);
  });

  it('passes its theme to the dialog', async () => {
    const el = await connectedCard('dark');
    part(el, 'settings-button')!.click();
    await until(() => dialogIn(el)?.open, 'dialog open');
    expect(dialogIn(el)!.getAttribute('theme')).to.equal('dark');
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import { isolate } from '../../src/controllers/locale-controller.js';
import { de } from '../../src/strings/locales/de.js';
import { registerStrings } from '../../src/strings/registry.js';
import { connections } from '../../mocks/data.js';
import { hostWith } from './host.js';

describe('LocaleController', function () {
  this.timeout(10_000);

  it('hands out the same strings object while no text changed, a new one when one did', async () => {
    const { host, provider } = await hostWith(connections(1));
    host.locale = 'en';
    await host.updateComplete;
    const l10n = host.localeController;
    const first = l10n.strings;
    expect(l10n.strings).to.equal(first);
    // Equal overrides in a new object (a host re-rendering its template): still the same.
    host.strings = { retry: 'Retry' };
    await host.updateComplete;
    expect(l10n.strings).to.equal(first);
    host.strings = { retry: 'Try again' };
    await host.updateComplete;
    expect(l10n.strings).not.to.equal(first);
    expect(l10n.strings.retry).to.equal('Try again');
    // The provider's overrides sit under the widget's own.
    provider.strings = { retry: 'Provider retry', close: 'Shut' };
    await provider.updateComplete;
    await host.updateComplete;
    expect([l10n.strings.retry, l10n.strings.close]).to.deep.equal(['Try again', 'Shut']);
  });

  it("takes the widget's locale, else its lang, else the provider's, else the nearest lang above", async () => {
    const { host, provider } = await hostWith(connections(1));
    const wrapper = provider.parentElement!;
    wrapper.setAttribute('lang', 'fr-CA');
    await waitUntil(() => host.localeController.locale === 'fr-CA', 'the ancestor lang');
    provider.locale = 'es-MX';
    await provider.updateComplete;
    expect(host.localeController.locale).to.equal('es-MX');
    host.setAttribute('lang', 'ja');
    await waitUntil(() => host.localeController.locale === 'ja', 'its own lang');
    host.locale = 'de-AT';
    await host.updateComplete;
    expect(host.localeController.locale).to.equal('de-AT');
  });

  it('loads the texts of a language set at run time and re-renders in it', async () => {
    const { host, provider } = await hostWith(connections(1));
    provider.parentElement!.setAttribute('lang', 'de');
    await waitUntil(() => host.localeController.strings.connect === de.connect, 'German texts');
    // A regional variant finds its language; an unknown language stays English.
    host.locale = 'pt';
    await waitUntil(() => host.localeController.strings.connect === 'Conectar', 'Brazilian Portuguese for pt');
    host.locale = 'zh-TW';
    await host.updateComplete;
    expect(host.localeController.strings.connect).to.equal('Connect');
  });

  it('takes texts a host registers for a locale, over the built-in ones, and re-renders', async () => {
    const { host } = await hostWith(connections(1));
    host.locale = 'de';
    await waitUntil(() => host.localeController.strings.connect === de.connect, 'German texts');
    registerStrings('de', { retry: 'Nochmal' });
    expect(host.localeController.strings.retry).to.equal('Nochmal');
    expect(host.localeController.strings.connect).to.equal(de.connect);
    registerStrings('nl', { connect: 'Verbinden (nl)' });
    host.locale = 'nl-BE';
    await host.updateComplete;
    expect(host.localeController.strings.connect).to.equal('Verbinden (nl)');
    expect(host.localeController.strings.close, 'missing keys stay English').to.equal('Close');
  });

  it('isolates every name and message a sentence carries, so none can reorder it', async () => {
    const { host } = await hostWith(connections(1));
    host.locale = 'en';
    await host.updateComplete;
    const name = 'Evil\u202Eelif.exe';
    expect(host.localeController.strings.deleted(name)).to.equal(`${isolate(name)} was deleted.`);
    expect(host.localeController.strings.accountCount(3)).to.equal('3 accounts');
  });
});

// With reduced motion asked for, nothing moves: the spinner stands still (its button's text and
// the notice say what is happening) and the loading placeholder does not pulse.
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { googleAds } from '../../mocks/data.js';
import { installFakePopup } from '../../mocks/popup.js';
import { cardLoaded, mount, part, serve, until } from '../data-source-card/helpers.js';

describe('reduced motion', function () {
  this.timeout(15_000);
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('stops the spinner and the placeholder pulse', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'the emulation is on').to.equal(true);
    await serve([googleAds([])], { latency: 'infinite' });
    const loading = mount(html`<data-source-provider endpoint="/api"><data-source-card source="google-ads"></data-source-card></data-source-provider>`);
    const skeleton = loading.querySelector('data-source-card')!;
    await until(() => part(skeleton, 'card')?.getAttribute('aria-busy') === 'true', 'loading');
    expect(getComputedStyle(skeleton.shadowRoot!.querySelector('.header')!).animationName).to.equal('none');

    await serve([googleAds([])]);
    const page = mount(html`<data-source-provider endpoint="/api/"><data-source-card source="google-ads"></data-source-card></data-source-provider>`);
    const card = page.querySelector('data-source-card')!;
    await cardLoaded(card);
    const popup = installFakePopup();
    try {
      part(card, 'connect-button')!.click();
      await until(() => card.shadowRoot!.querySelector('.spinner'), 'busy');
      const spinner = getComputedStyle(card.shadowRoot!.querySelector('.spinner')!);
      expect(spinner.animationName).to.equal('none');
      expect(part(card, 'connect-button')!.textContent).to.contain('Connect');
    } finally {
      popup.restore();
    }
  });
});

import { expect } from '@open-wc/testing';
import { connections } from '../../mocks/data.js';
import { setup } from './helpers.js';

describe('connection-settings-dialog: theming', function () {
  this.timeout(20000);

  it('maps the public --dsw-* properties onto the dialog', async () => {
    const { el, root } = await setup(connections(1));
    el.style.setProperty('--dsw-color-primary', 'rgb(1, 2, 3)');
    el.style.setProperty('--dsw-dialog-inline-size', '500px');
    expect(getComputedStyle(root.querySelector('[part~="add-button"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(root.querySelector('[part="dialog"]')!.getBoundingClientRect().width).to.equal(500);
  });

  it('lays out right to left: the Add button sits at the inline end (left)', async () => {
    const { el, root } = await setup(connections(2));
    el.closest('data-source-provider')!.setAttribute('dir', 'rtl');
    await el.updateComplete;
    const footer = root.querySelector('footer')!.getBoundingClientRect();
    const add = root.querySelector('[part~="add-button"]')!.getBoundingClientRect();
    expect(add.left - footer.left).to.be.lessThan(40);
    const firstHeader = root.querySelector('thead th')!.getBoundingClientRect();
    const lastHeader = root.querySelector('thead th:last-child')!.getBoundingClientRect();
    expect(firstHeader.left).to.be.greaterThan(lastHeader.left);
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, rows in error included', async () => {
    const { el } = await setup(connections(3, [1]));
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

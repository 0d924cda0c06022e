// The dialog's code loads when the page first holds one: now, or later, added alone or inside
// another element; unrelated changes to the page load nothing.
import { expect, fixture, html } from '@open-wc/testing';
import { whenUsed } from '../../src/define/when-used.js';

const frame = () => new Promise((resolve) => setTimeout(resolve));

describe('whenUsed', () => {
  it('loads once, when an element of the tag is added later, however deep', async () => {
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    let loads = 0;
    whenUsed('test-lazy-thing', () => loads++);
    page.append(document.createElement('p'));
    await frame();
    expect(loads, 'unrelated changes').to.equal(0);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><test-lazy-thing></test-lazy-thing></div>';
    page.append(wrapper);
    await frame();
    expect(loads).to.equal(1);
    page.append(document.createElement('test-lazy-thing'));
    await frame();
    expect(loads, 'once').to.equal(1);
  });

  it('loads at once when the page already holds one', async () => {
    await fixture(html`<test-lazy-other></test-lazy-other>`);
    let loads = 0;
    whenUsed('test-lazy-other', () => loads++);
    expect(loads).to.equal(1);
  });
});

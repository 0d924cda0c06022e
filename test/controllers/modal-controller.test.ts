import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { ModalController } from '../../src/controllers/modal-controller.js';

/** Two nested modals, each with its own controller, as the settings dialog and its confirmation. */
class TwoModals extends LitElement {
  log: string[] = [];
  readonly outer = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('#outer'),
    onEscape: () => {
      this.log.push('outer escape');
      this.outer.close();
    },
    onClosed: () => this.log.push('outer closed'),
  });
  readonly inner = new ModalController(this, {
    dialog: () => this.renderRoot.querySelector<HTMLDialogElement>('#inner'),
    onEscape: () => {
      this.log.push('inner escape');
      this.inner.close();
    },
    onClosed: () => this.log.push('inner closed'),
  });

  protected override render() {
    return html`<dialog id="outer" @keydown=${this.outer.onKeydown} @close=${this.outer.onClose}>
      <button id="in-outer">In outer</button>
      <dialog id="inner" @keydown=${this.inner.onKeydown} @close=${this.inner.onClose}>
        <button id="in-inner">In inner</button>
      </dialog>
    </dialog>`;
  }
}
customElements.define('test-two-modals', TwoModals);

async function setup() {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="opener">Open</button>
    <test-two-modals></test-two-modals>
  </div>`);
  const el = wrapper.querySelector<TwoModals>('test-two-modals')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  const $ = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`#${id}`)!;
  return { el, opener, $ };
}

describe('ModalController', () => {
  it('shows modally and gives focus back to the element focused before, once', async () => {
    const { el, opener, $ } = await setup();
    opener.focus();
    el.outer.show();
    expect(($('outer') as HTMLDialogElement).open).to.equal(true);
    expect(el.outer.isOpen).to.equal(true);
    el.outer.close();
    el.outer.close();
    expect(document.activeElement).to.equal(opener);
    expect(el.log).to.deep.equal(['outer closed']);
  });

  it('Escape in the nested modal closes it alone; focus goes back to the opener it was given', async () => {
    const { el, opener, $ } = await setup();
    opener.focus();
    el.outer.show();
    el.inner.show($('in-outer'));
    $('in-inner').focus();
    await sendKeys({ press: 'Escape' });
    expect(el.log).to.deep.equal(['inner escape', 'inner closed']);
    expect(($('outer') as HTMLDialogElement).open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($('in-outer'));
    await sendKeys({ press: 'Escape' });
    expect(el.log).to.deep.equal(['inner escape', 'inner closed', 'outer escape', 'outer closed']);
    expect(document.activeElement).to.equal(opener);
  });

  it('a close made by the browser is reported once, on its close event', async () => {
    const { el, $ } = await setup();
    el.outer.show();
    ($('outer') as HTMLDialogElement).close();
    await new Promise((resolve) => $('outer').addEventListener('close', resolve, { once: true }));
    expect(el.outer.isOpen).to.equal(false);
    expect(el.log).to.deep.equal(['outer closed']);
  });

  it('removing the element closes the modal and gives focus back', async () => {
    const { el, opener } = await setup();
    opener.focus();
    el.outer.show();
    el.remove();
    expect(el.log).to.deep.equal(['outer closed']);
    expect(document.activeElement).to.equal(opener);
  });
});

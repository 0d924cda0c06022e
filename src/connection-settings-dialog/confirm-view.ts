import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Connection } from '../api/types.js';
import type { ModalController } from '../controllers/modal-controller.js';
import type { Strings } from '../strings/strings.js';

/**
 * The delete confirmation: a nested modal `alertdialog` naming the account, with focus on Cancel
 * (the safe choice). Rendered always, shown by its `ModalController` while a delete is asked.
 */
export function confirmView(
  connection: Connection | undefined,
  s: Strings,
  modal: ModalController,
  settle: (confirmed: boolean) => void,
): TemplateResult {
  const text = connection ? s.confirmDelete(connection.accountName, connection.accountId) : '';
  // A very long name would fill the screen: cut after a few lines, whole on hover and for screen readers.
  const long = (connection?.accountName.length ?? 0) > 60;
  return html`<dialog
    id="confirm"
    class="confirm"
    part="confirm"
    role="alertdialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-text"
    @keydown=${modal.onKeydown}
    @close=${modal.onClose}
  >
    <h3 id="confirm-title">${s.confirmDeleteTitle}</h3>
    <p id="confirm-text" class=${long ? 'clamp' : ''} title=${ifDefined(long ? text : undefined)}>${text}</p>
    <div class="confirm-actions">
      <button type="button" part="cancel-button" autofocus @click=${() => settle(false)}>${s.cancel}</button>
      <button type="button" class="danger" part="confirm-button" @click=${() => settle(true)}>
        ${s.confirmDeleteButton}
      </button>
    </div>
  </dialog>`;
}

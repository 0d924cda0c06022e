import { html, type TemplateResult } from 'lit';
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
    <p id="confirm-text">${connection ? s.confirmDelete(connection.accountName, connection.accountId) : ''}</p>
    <div class="confirm-actions">
      <button type="button" part="cancel-button" autofocus @click=${() => settle(false)}>${s.cancel}</button>
      <button type="button" class="danger" part="confirm-button" @click=${() => settle(true)}>
        ${s.confirmDeleteButton}
      </button>
    </div>
  </dialog>`;
}

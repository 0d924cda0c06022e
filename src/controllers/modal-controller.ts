import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from '../views/focus.js';

export interface ModalOptions {
  /** The native `<dialog>`, once rendered. */
  dialog(): HTMLDialogElement | null | undefined;
  /** Escape inside the modal (Escape in a nested modal stays there). */
  onEscape(event: KeyboardEvent): void;
  /** Runs once per closing, whatever closed it, after focus went back to the opener. */
  onClosed?(): void;
}

/**
 * The mechanics of one modal `<dialog>`: `showModal()`, where focus goes back on closing, Escape,
 * and the browser's own `close` events. The settings dialog and its delete confirmation each
 * have one. Bind `onKeydown` and `onClose` on the `<dialog>` element in the template.
 */
export class ModalController implements ReactiveController {
  /** Where focus goes back on closing. */
  private opener?: HTMLElement;
  /** The widget that held the opener in its shadow root (once removed, an element forgets it). */
  private openerHost?: Element;
  /** Shown by this controller and not yet reported closed. */
  private shown = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ModalOptions,
  ) {
    host.addController(this);
  }

  get isOpen(): boolean {
    return this.shown;
  }

  hostDisconnected(): void {
    // A removed modal leaves the top layer but would come back open, and non-modal, if
    // re-inserted; and focus, which was inside it, goes back to the opener.
    this.close();
  }

  /** Notes the focused element as the one to give focus back to: call it when asked to open. */
  rememberOpener(opener = deepActiveElement()): void {
    this.opener = opener;
    this.openerHost = (opener?.getRootNode() as ShadowRoot | undefined)?.host;
  }

  /** Shows the dialog as a modal; `opener` gets focus back on closing (default: the focused element). */
  show(opener?: HTMLElement | null): void {
    const dialog = this.options.dialog();
    if (!dialog || dialog.open) return;
    if (opener || !this.opener) this.rememberOpener(opener ?? deepActiveElement());
    dialog.showModal();
    this.shown = true;
  }

  close(): void {
    const dialog = this.options.dialog();
    if (dialog?.open) dialog.close();
    // Now rather than on the close event, which Chrome defers to the next animation frame.
    this.closed();
  }

  /**
   * Escape handled here rather than left to the browser: a nested modal closes alone (the
   * browser may group modals opened without a user gesture and close both), and everything
   * happens at once instead of on the next frame.
   */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    this.options.onEscape(event);
  };

  /** Closed by the browser (another close request); closings this controller made were handled already. */
  readonly onClose = (event: Event): void => {
    const dialog = this.options.dialog();
    // A close event arrives a frame late: ignore one from before a re-open.
    if (dialog && event.target === dialog && this.shown && !dialog.open) this.closed();
  };

  private closed(): void {
    if (!this.shown) return;
    this.shown = false;
    const { opener, openerHost } = this;
    this.opener = this.openerHost = undefined;
    if (opener?.isConnected && opener !== document.body) opener.focus();
    else if (opener && openerHost) focusInPlaceOf(openerHost);
    this.options.onClosed?.();
  }
}

/**
 * The opener is gone: a card's Connection settings became Connect when the dialog deleted its
 * last account. Focus goes to the control that stands in its place: the widget's primary action,
 * else its first control, rather than to <body> (the top of the page, for a screen reader).
 */
function focusInPlaceOf(host: Element): void {
  const root = host.isConnected ? host.shadowRoot : null;
  (root?.querySelector<HTMLElement>('button.primary') ?? root?.querySelector<HTMLElement>('button:not([tabindex="-1"]), [href], input, [tabindex="0"]'))?.focus();
}

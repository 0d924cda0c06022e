/**
 * Base of every event the widgets fire: it bubbles and crosses shadow roots, so a host can
 * listen on any ancestor (or `document`). Requests (`…-request`) are cancelable: calling
 * `preventDefault()` stops the widget and lets the host handle the action itself.
 */
export class DswEvent<Detail> extends Event {
  constructor(
    type: string,
    readonly detail: Detail,
    cancelable = false,
  ) {
    super(type, { bubbles: true, composed: true, cancelable });
  }
}

// The baseline for <data-source-card>: one LitElement that shows the same things (logo or
// initials, name, "2 accounts", Connect / Connection settings) from data set as a property.
// No store, no context, no controllers: what the card costs beyond this is the library's.
import { LitElement, css, html, nothing } from 'lit';
import type { PlainSource } from './types.js';

export class PlainCard extends LitElement {
  static override properties = { data: { attribute: false } };

  declare data?: PlainSource;

  // About as much layout as the real card (flex header, square logo, one button), far fewer rules.
  static override styles = css`
    :host { display: block; font: 0.875rem system-ui, sans-serif; }
    .card { padding: 1rem; border: 1px solid #d1d5db; border-radius: 8px; background: #fff; }
    .header { display: flex; align-items: center; gap: 0.75rem; }
    .logo { flex: none; display: grid; place-items: center; width: 2.5rem; height: 2.5rem;
      border-radius: 6px; background: #f3f4f6; font-weight: 700; overflow: hidden; }
    .logo img { width: 100%; height: 100%; object-fit: contain; }
    .info { flex: 1; min-width: 7rem; }
    .name { font-size: 1.125em; font-weight: 600; }
    .summary { margin: 0; color: #4b5563; }
    button { padding: 0.375rem 0.75rem; border: 0; border-radius: 8px; background: #be185d; color: #fff; font: inherit; }
    button.connect { background: #1d4ed8; }
  `;

  protected override render() {
    const source = this.data;
    if (!source) return nothing;
    const count = source.connections.length;
    const failing = source.connections.filter((c) => c.status === 'error').length;
    const accounts = `${count} ${count === 1 ? 'account' : 'accounts'}`;
    const summary = count === 0
      ? 'Not connected'
      : failing === 0 ? accounts : `${accounts}, ${failing} ${failing === 1 ? 'needs' : 'need'} attention`;
    return html`<article class="card" part="card">
      <div class="header">
        <div class="logo" part="logo">
          ${source.logoUrl ? html`<img src=${source.logoUrl} alt="" />` : html`<span part="initials">${initials(source.name)}</span>`}
        </div>
        <div class="info">
          <div class="name" part="name" role="heading" aria-level="3">${source.name}</div>
          <p class="summary" part="summary">${summary}</p>
        </div>
        ${count > 0
          ? html`<button part="settings-button">Connection settings</button>`
          : html`<button class="connect" part="connect-button">Connect</button>`}
      </div>
    </article>`;
  }
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word[0]!.toUpperCase()).join('');
}

// A bare widget for the controllers' own tests: the shared base class (so the same
// SourceController and WidgetActions as the elements), rendering only the
// notice text, under a fresh provider and mock endpoint.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { RequestHandler } from 'msw';
import '../../src/define/data-source-provider.js';
import type { Connection } from '../../src/api/types.js';
import { SourceWidget } from '../../src/base/source-widget.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import { googleAds } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint } from '../../mocks/endpoint.js';
import { useHandlers } from '../helpers/msw.js';

export class ControllerHost extends SourceWidget {
  renders = 0;

  get sourceController(): SourceWidget['data'] {
    return this.data;
  }

  get connectionActions(): SourceWidget['actions'] {
    return this.actions;
  }

  get localeController(): SourceWidget['l10n'] {
    return this.l10n;
  }

  protected override render() {
    this.renders++;
    return html`<p>${this.actions.notice?.text ?? ''}</p>`;
  }
}
customElements.define('test-controller-host', ControllerHost);

export interface HostSetup {
  host: ControllerHost;
  provider: DataSourceProvider;
  endpoint: MockEndpoint;
}

/** A host on `google-ads` with `list` connections, loaded; `before` handlers take precedence. */
export async function hostWith(list: Connection[], before: RequestHandler[] = []): Promise<HostSetup> {
  const endpoint = mockEndpoint([googleAds(list)]);
  await useHandlers(...before, ...endpoint.handlers);
  const provider = await fixture<DataSourceProvider>(html`<data-source-provider endpoint="/api">
    <test-controller-host source="google-ads"></test-controller-host>
  </data-source-provider>`);
  const host = provider.querySelector<ControllerHost>('test-controller-host')!;
  await waitUntil(() => host.sourceController.state.status === 'ready', 'the source to load');
  return { host, provider, endpoint };
}

/** The events of `types` that reach the document, in order. */
export function recordEvents(types: string[]): { events: Event[]; stop(): void } {
  const events: Event[] = [];
  const listener = (event: Event) => events.push(event);
  for (const type of types) document.addEventListener(type, listener);
  return { events, stop: () => types.forEach((type) => document.removeEventListener(type, listener)) };
}

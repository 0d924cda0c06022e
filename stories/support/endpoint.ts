// Every story talks to its own mock endpoint under /api/stories/<story id>: the stories of one
// docs page share one msw worker, so one base per story keeps their handlers apart.
import { http, HttpResponse } from 'msw';
import type { StoryContext } from '@storybook/web-components-vite';
// Types `context.msw` (msw-storybook-addon's augmentation of the story context).
import type {} from 'msw-storybook-addon/csf3';
import type { MockSource } from '../../mocks/data.js';
import { mockEndpoint, type MockEndpoint, type MockOptions } from '../../mocks/endpoint.js';
import { noteAuthorizations } from './fake-provider.js';

/** What the stories read from Storybook's context (the story test builds the same). */
export type Context = Pick<StoryContext, 'id' | 'msw'>;

export const endpointOf = (context: Pick<Context, 'id'>): string => `/api/stories/${context.id}`;

/**
 * Serves `sources` with the stateful mock endpoint (the whole contract) at the story's base, so
 * clicks change what the widgets show; the simulated provider page answers Connect.
 */
export function serve(context: Context, sources: MockSource[], options: MockOptions = {}): MockEndpoint {
  const base = endpointOf(context);
  const endpoint = mockEndpoint(sources, { ...options, base });
  context.msw.use(noteAuthorizations(base, endpoint), ...endpoint.handlers);
  return endpoint;
}

/** Every request to the story's base fails as when the network is down. */
export function unreachable(context: Context): void {
  context.msw.use(http.all(`${endpointOf(context)}/*`, () => HttpResponse.error()));
}

/**
 * Lets the first load of each data source through to the mock endpoint and fails every later
 * one with a 500: a refresh of data already shown that fails (the endpoint went down).
 */
export function failReloads(context: Context): void {
  const loaded = new Set<string>();
  context.msw.use(
    http.get(`${endpointOf(context)}/data-sources/:sourceId`, ({ params }) => {
      const id = String(params.sourceId);
      if (!loaded.has(id)) {
        loaded.add(id);
        // Nothing returned: msw hands the request to the next handler, the mock endpoint.
        return undefined;
      }
      return HttpResponse.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, { status: 500 });
    }),
  );
}

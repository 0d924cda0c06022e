import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The signed-in user every query is scoped to ('' on public routes). */
  userId: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Segments, `:name` for a parameter: `/api/data-sources/:sourceId`. */
  pattern: string;
  /** How errors are answered: JSON for the contract, a page for what a person sees. */
  kind: 'json' | 'html';
  /** Routes outside the contract may read their own query; contract routes take none. */
  query?: boolean;
  /** Served without a credential (the callback, which its state binds to a user; the demo sign-in). */
  public?: boolean;
  handle(context: RouteContext): void | Promise<void>;
}

export type Match = { route: Route; params: Record<string, string> } | { allow: string[] } | undefined;

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    // An empty segment (`/data-sources/`) is no ID: that path does not exist.
    if (part.startsWith(':') && segment !== '') params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** The first route of that method whose pattern fits; else the methods the path allows (405). */
export function findRoute(routes: readonly Route[], method: string, segments: string[]): Match {
  const allow = new Set<string>();
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allow.add(route.method);
  }
  return allow.size ? { allow: [...allow] } : undefined;
}

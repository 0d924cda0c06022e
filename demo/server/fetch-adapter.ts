import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The part of `ServerResponse` the routes use, collected into a Fetch `Response`. The routes are
 * written once against node:http (which most hosts mount); this lets Fetch-style servers (Deno,
 * Bun, Hono, a Next.js route) call the same code.
 */
class CollectedResponse {
  statusCode = 200;
  headersSent = false;
  private readonly headers = new Map<string, OutgoingHttpHeader>();
  private readonly chunks: Buffer[] = [];

  constructor(private readonly done: (response: Response) => void) {}

  setHeader(name: string, value: OutgoingHttpHeader): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  getHeader(name: string): OutgoingHttpHeader | undefined {
    return this.headers.get(name.toLowerCase());
  }

  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }

  removeHeader(name: string): void {
    this.headers.delete(name.toLowerCase());
  }

  writeHead(status: number, headers: Record<string, OutgoingHttpHeader> = {}): this {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
    this.headersSent = true;
    return this;
  }

  write(chunk: string | Buffer): boolean {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return true;
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.write(chunk);
    this.headersSent = true;
    const headers = new Headers();
    for (const [name, value] of this.headers) {
      if (name === 'content-length') continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
    }
    const body = NO_BODY.has(this.statusCode) ? null : Buffer.concat(this.chunks);
    this.done(new Response(body, { status: this.statusCode, headers }));
    return this;
  }

  /** A connection cut short: as close as a Response gets. */
  destroy(): void {
    if (!this.headersSent) this.statusCode = 500;
    this.end();
  }
}

export function toFetchHandler(handler: NodeHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    headers.host ??= url.host;
    if (body) headers['content-length'] = String(body.length);
    const req = Object.assign(Readable.from(body ? [body] : []), {
      method: request.method,
      url: url.pathname + url.search,
      headers,
      httpVersion: '1.1',
    }) as unknown as IncomingMessage;
    return new Promise<Response>((resolve) => {
      const res = new CollectedResponse(resolve) as unknown as ServerResponse;
      handler(req, res, () => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found.\n'));
    });
  };
}

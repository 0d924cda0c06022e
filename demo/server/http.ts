import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../src/api/types.js';

/** An answer a handler chooses to give; anything else thrown becomes a generic 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Bodies of the contract are a few hundred bytes; 16 KiB leaves room without inviting abuse. */
export const BODY_LIMIT = 16 * 1024;
/**
 * Past the limit the rest of a body is read and dropped (so the client, still sending, gets the
 * 413 rather than a reset connection), up to this bound; beyond it the connection is closed.
 */
const DRAIN_LIMIT = 8 * 1024 * 1024;

/** The client hung up before its request was read whole: its doing, not a fault of ours. */
export class ClientGoneError extends Error {
  constructor(readonly method: string, readonly path: string) {
    super(`The client closed the connection during ${method} ${path}`);
  }
}

export function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than ${BODY_LIMIT} bytes.`);
}

export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT) {
    req.resume();
    return Promise.reject(withClose(tooLarge()));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) {
        req.removeAllListeners('data');
        req.resume();
        reject(withClose(tooLarge()));
      } else if (size > limit) {
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      if (size > limit) reject(tooLarge());
      else resolve(Buffer.concat(chunks));
    });
    // A reset or an early close is the client leaving mid-body (an aborted fetch, a closed tab).
    const gone = () => ended || reject(new ClientGoneError(req.method ?? '', (req.url ?? '').split('?')[0]!));
    req.on('error', gone);
    req.on('close', gone);
  });
}

function withClose(error: HttpError): HttpError {
  return new HttpError(error.status, error.code, error.message, { ...error.headers, Connection: 'close' });
}

/** Headers every answer carries: no caching of live data, no content sniffing. */
export function baseHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** `sendJson` of a body already serialised (a kept answer). */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, headers);
  res.end();
}

export function sendApiError(res: ServerResponse, error: HttpError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  sendJson(res, error.status, body, error.headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

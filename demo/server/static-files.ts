import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { sendText } from './http.js';

/**
 * Only these types are served. An allowlist rather than a denylist: a root such as `demo/`
 * also holds the server's sources and the database, which must never go out.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The policy of every page served from the static roots (the demo host pages): scripts from
 * this origin only, none inline, and Trusted Types enforced, so the widgets are shown working
 * under what a careful host would set. Lit creates the one `lit-html` policy it needs.
 */
export const HOST_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export function contentType(path: string): string | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/**
 * Maps a URL path to a file under `root`, or undefined. Segments are decoded one by one, so an
 * encoded slash cannot join two of them; dot segments (`..`, dotfiles) are refused outright.
 */
async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  let realRoot: string;
  let file: string;
  try {
    // A root that does not exist (dist/ before the first build) serves nothing, not a 500.
    realRoot = await realpath(root);
    file = join(realRoot, ...segments);
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    // A symbolic link may point outside the root: judge where it really lands.
    file = await realpath(file);
    if (!(await stat(file)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  if (!file.startsWith(realRoot + sep)) return undefined;
  return file;
}

/** Serves `pathname` from `root`; answers 404 itself when there is no such file. */
export async function serveFile(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Method not allowed: static files are read-only.\n', { Allow: 'GET, HEAD' });
  }
  const file = await resolveFile(root, pathname);
  const type = file && contentType(file);
  if (!file || !type) return sendText(res, 404, 'Not found.\n');
  const { size } = await stat(file);
  // Demo files change while developing: always revalidate.
  const headers: Record<string, string | number> = { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = HOST_PAGE_POLICY;
    headers['Referrer-Policy'] = 'same-origin';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

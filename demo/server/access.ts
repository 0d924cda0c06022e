import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http.js';
import type { Sql } from './storage/sql.js';

/** The names a browser on this machine uses: what the handler answers to unless told more. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * The Host check against DNS rebinding: a page on `evil.example` whose name the attacker points
 * at 127.0.0.1 reaches this server as same-origin to itself, with `Host: evil.example`. Only
 * the listed names (any port) are served; the browser cannot forge Host, so that page gets 403.
 */
export function hostChecker(allowed: readonly string[]): (req: IncomingMessage) => void {
  const names = new Set(allowed.map((name) => name.toLowerCase()));
  return (req) => {
    const match = HOST.exec((req.headers.host ?? '').toLowerCase());
    if (!match || !names.has(match[1]!)) {
      throw new HttpError(403, 'host_not_allowed', 'This server does not answer to that host name (see the allowedHosts option).');
    }
  };
}

const TOKEN_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Cross-origin access. The backend's own origin needs nothing; other origins get CORS headers
 * only when listed (none by default), and never `*`. A write that a browser sent from an origin
 * that is neither is refused outright: it may carry the demo pages' cookie (a form post from a
 * page on another port of localhost is same-site), and CORS alone would only hide the answer.
 */
export class OriginPolicy {
  private readonly allows: (origin: string) => boolean;

  /** Exact origins, or a test for hosts with many (their own subdomains, say). */
  constructor(origins: readonly string[] | ((origin: string) => boolean)) {
    if (typeof origins === 'function') {
      this.allows = origins;
    } else {
      const allowed = new Set(origins.map((origin) => new URL(origin).origin));
      this.allows = (origin) => allowed.has(origin);
    }
  }

  /** True when the request was answered here (a preflight). */
  apply(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    const listed = origin !== 'null' && this.allows(origin);
    if (listed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      const headers: Record<string, string> = { Vary: 'Origin, Access-Control-Request-Headers' };
      if (listed) {
        const requested = req.headers['access-control-request-headers'];
        headers['Access-Control-Allow-Methods'] = 'GET, POST, PATCH, DELETE, OPTIONS';
        headers['Access-Control-Allow-Headers'] = requested && TOKEN_LIST.test(requested) ? requested : 'Content-Type, Authorization';
        headers['Access-Control-Max-Age'] = '600';
      }
      res.writeHead(listed ? 204 : 403, headers);
      res.end();
      return true;
    }
    if (!listed && WRITES.has(req.method ?? '') && !sameOrigin(origin, req)) {
      throw new HttpError(403, 'origin_not_allowed', `Requests from ${origin.slice(0, 100)} may not change anything here (see the allowedOrigins option).`);
    }
    return false;
  }
}

/** The page's origin names the host the request was sent to (the Host check vouches for it). */
function sameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Per-user limits on what costs the platform or another person something (authorization starts,
 * connect links): a token bucket per user and kind, in the storage (`rate_buckets`), so that
 * the instances behind a load balancer share it. A take is one transaction under the bucket's
 * lock: two instances taking at the same moment count twice, never once.
 */
export class RateLimiter {
  constructor(
    private readonly sql: Sql,
    private readonly limits: Readonly<Record<string, { limit: number; perMs: number }>>,
    private readonly now: () => number,
  ) {}

  /** Takes one from the user's bucket, or throws 429 with the seconds until one is back. */
  async take(userId: string, kind: string): Promise<void> {
    const rule = this.limits[kind];
    if (!rule) return;
    const rate = rule.limit / rule.perMs;
    const seconds = await this.sql.transaction(async (tx) => {
      await tx.lock(`rate/${kind}/${userId}`);
      const now = this.now();
      const row = await tx.get<{ tokens: number; at: number }>('SELECT tokens, at FROM rate_buckets WHERE user_id = ? AND kind = ?', [userId, kind]);
      // Instances' clocks may differ a little: time never runs backwards for a bucket.
      const tokens = row ? Math.min(rule.limit, row.tokens + Math.max(0, now - row.at) * rate) : rule.limit;
      if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
      await tx.run(
        `INSERT INTO rate_buckets (user_id, kind, tokens, at) VALUES (?, ?, ?, ?)
          ON CONFLICT (user_id, kind) DO UPDATE SET tokens = excluded.tokens, at = excluded.at`,
        [userId, kind, tokens - 1, Math.max(now, row?.at ?? now)],
      );
      return 0;
    });
    if (seconds) throw new HttpError(429, 'rate_limited', `Too many requests of this kind; try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
  }
}

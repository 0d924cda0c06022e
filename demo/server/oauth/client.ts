import { codeChallenge } from './pkce.js';

/**
 * The backend as an OAuth 2.0 client of one platform (RFC 6749, confidential, client_secret_basic):
 * the authorization request with PKCE S256 and `state`, the code exchange, refreshes, revocation
 * (RFC 7009), introspection (RFC 7662) to learn when a refresh token ends, and the platform API.
 * Nothing here logs, and no error message carries a token.
 */

export interface PlatformClientConfig {
  /** The authorization server's issuer; its metadata is read from /.well-known/openid-configuration. */
  issuer: string;
  /** The platform API that lists the accounts an access token reaches. */
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

export interface TokenSet {
  accessToken: string;
  /** Absent when the platform keeps the old one (no rotation) or issues none. */
  refreshToken?: string;
  /** When the access token stops working, ms since the epoch (by the caller's clock). */
  accessExpiresAt: number;
  scope?: string;
}

export interface ReachedAccount {
  accountId: string;
  accountName: string;
}

/** What the platform answered (`error` as in RFC 6749 §5.2), or `platform_unreachable`. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description?: string,
    readonly status?: number,
  ) {
    super(description ? `${error}: ${description}` : error);
  }
}

interface Metadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

const TIMEOUT_MS = 10_000;
const DEFAULT_SCOPE = 'ads:read offline_access';

export class PlatformClient {
  #metadata?: Promise<Metadata>;

  constructor(
    readonly config: PlatformClientConfig,
    private readonly now: () => number = Date.now,
  ) {}

  get issuer(): string {
    return this.config.issuer;
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new OAuthError('platform_unreachable', 'The platform could not be reached.');
    }
  }

  metadata(): Promise<Metadata> {
    this.#metadata ??= (async () => {
      const response = await this.request(`${this.config.issuer}/.well-known/openid-configuration`);
      if (!response.ok) throw new OAuthError('invalid_metadata', `The platform's metadata answered ${response.status}.`);
      const metadata = (await response.json()) as Metadata;
      // RFC 8414 §3.3: the metadata must name the issuer it was asked for.
      if (metadata.issuer !== this.config.issuer) throw new OAuthError('invalid_metadata', 'The metadata names another issuer.');
      return metadata;
    })().catch((error: unknown) => {
      this.#metadata = undefined;
      throw error;
    });
    return this.#metadata;
  }

  /** The URL to open in the pop-up. `loginHint` names the account being re-connected. */
  async authorizationUrl(options: { redirectUri: string; state: string; codeVerifier: string; loginHint?: string }): Promise<string> {
    const url = new URL((await this.metadata()).authorization_endpoint);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: options.redirectUri,
      scope: this.config.scope ?? DEFAULT_SCOPE,
      state: options.state,
      code_challenge: codeChallenge(options.codeVerifier),
      code_challenge_method: 'S256',
      // A sign-in every time (the person chooses the account), and consent, which a refresh token needs.
      prompt: 'login consent',
      ...(options.loginHint && { login_hint: options.loginHint }),
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.href;
  }

  private async tokenRequest(body: Record<string, string>): Promise<TokenSet> {
    const { token_endpoint } = await this.metadata();
    const before = this.now();
    const response = await this.request(token_endpoint, {
      method: 'POST',
      headers: { Authorization: this.basicAuth(), 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(body),
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof answer.access_token !== 'string') {
      const error = typeof answer.error === 'string' ? answer.error : 'invalid_token_response';
      throw new OAuthError(error, typeof answer.error_description === 'string' ? answer.error_description : undefined, response.status);
    }
    if (String(answer.token_type).toLowerCase() !== 'bearer') throw new OAuthError('invalid_token_response', 'Not a bearer token.');
    const expiresIn = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
    return {
      accessToken: answer.access_token,
      ...(typeof answer.refresh_token === 'string' && { refreshToken: answer.refresh_token }),
      accessExpiresAt: before + expiresIn * 1000,
      ...(typeof answer.scope === 'string' && { scope: answer.scope }),
    };
  }

  /** RFC 6749 §2.3.1: form-encoded, then base64. */
  private basicAuth(): string {
    const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
    return `Basic ${Buffer.from(`${encode(this.config.clientId)}:${encode(this.config.clientSecret)}`).toString('base64')}`;
  }

  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri });
  }

  refresh(refreshToken: string): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /**
   * How long a refresh token works from its issue, in ms (its `exp` less its `iat`, from
   * introspection), or undefined when it does not end. A lifetime rather than a date: the caller
   * adds it to its own clock, the one its stored dates follow.
   */
  async refreshTokenLifetime(refreshToken: string): Promise<number | undefined> {
    const { introspection_endpoint } = await this.metadata();
    if (!introspection_endpoint) return undefined;
    const response = await this.request(introspection_endpoint, {
      method: 'POST',
      headers: { Authorization: this.basicAuth(), 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token' }),
    });
    if (!response.ok) throw new OAuthError('introspection_failed', `The introspection answered ${response.status}.`, response.status);
    const answer = (await response.json()) as { active?: boolean; exp?: number; iat?: number };
    if (!answer.active) throw new OAuthError('invalid_grant', 'The refresh token is not active.');
    if (typeof answer.exp !== 'number') return undefined;
    return (answer.exp - (typeof answer.iat === 'number' ? answer.iat : Math.floor(Date.now() / 1000))) * 1000;
  }

  /** Revokes a token and, at this platform, the whole grant behind it (RFC 7009). */
  async revoke(token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
    const { revocation_endpoint } = await this.metadata();
    if (!revocation_endpoint) throw new OAuthError('unsupported_token_type', 'The platform has no revocation endpoint.');
    const response = await this.request(revocation_endpoint, {
      method: 'POST',
      headers: { Authorization: this.basicAuth(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: hint }),
    });
    if (!response.ok) throw new OAuthError('revocation_failed', `The revocation answered ${response.status}.`, response.status);
  }

  /** The platform API: the accounts this access token reaches. */
  async accounts(accessToken: string): Promise<ReachedAccount[]> {
    const response = await this.request(this.config.accountsUrl, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });
    if (response.status === 401) throw new OAuthError('invalid_token', 'The platform refused the access token.', 401);
    if (!response.ok) throw new OAuthError('platform_error', `The platform API answered ${response.status}.`, response.status);
    const body = (await response.json()) as { items?: unknown };
    const items = Array.isArray(body.items) ? body.items : [];
    return items.filter(
      (item): item is ReachedAccount => typeof item?.accountId === 'string' && typeof item?.accountName === 'string',
    );
  }
}

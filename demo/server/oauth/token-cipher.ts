import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Access and refresh tokens at rest: AES-256-GCM with a 96-bit random IV per value, and the
 * row and kind of token as additional authenticated data, so that a value copied to another row
 * or another column fails to open just as a tampered one does. Sealed form:
 * `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url); the key ID names the key without revealing
 * it, so a rotation can tell which key sealed a value.
 */

const VERSION = 'v1';

export class TokenCipherError extends Error {}

export class TokenCipher {
  readonly keyId: string;
  readonly #keys: Map<string, Buffer>;

  /** `key` seals; `previous` keys (after a rotation) still open what they sealed. */
  constructor(key: Buffer, previous: readonly Buffer[] = []) {
    for (const k of [key, ...previous]) if (k.length !== 32) throw new TokenCipherError('A token key is 32 bytes (AES-256).');
    this.#keys = new Map([key, ...previous].map((k) => [keyIdOf(k), k]));
    this.keyId = keyIdOf(key);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.keyId, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, ciphertext, tag, ...rest] = sealed.split('.');
    const key = keyId ? this.#keys.get(keyId) : undefined;
    if (version !== VERSION || rest.length || !iv || !ciphertext || !tag) throw new TokenCipherError('Not a sealed token.');
    if (!key) throw new TokenCipherError('The token was sealed with a key this server does not have.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Never the value, never the key: only that it did not authenticate.
      throw new TokenCipherError('The sealed token did not authenticate (altered, moved or sealed with another key).');
    }
  }
}

/** A short public name for a key: the first bytes of its own encryption of nothing. */
function keyIdOf(key: Buffer): string {
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
  cipher.final();
  return cipher.getAuthTag().subarray(0, 6).toString('base64url');
}

/** A key from its base64 text (DSW_TOKEN_KEY); the error never repeats the value. */
export function parseTokenKey(text: string, name = 'DSW_TOKEN_KEY'): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new TokenCipherError(`${name} must be 32 bytes, base64-encoded (e.g. \`openssl rand -base64 32\`).`);
  return key;
}

/**
 * The demo's key: DSW_TOKEN_KEY when set, else the one in `file` (made on first start, readable
 * by its owner only), so a restart can still open the tokens it stored.
 */
export function loadOrCreateTokenKey(file: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.DSW_TOKEN_KEY) return parseTokenKey(env.DSW_TOKEN_KEY);
  if (existsSync(file)) return parseTokenKey(readFileSync(file, 'utf8'), file);
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

import { createHmac } from 'node:crypto';
import { isSealed, keyRefOf, subjectKeyRef } from '../../events/sealed';
import { INDEX_KEY_REF, type Vault } from '../vault/vault';
import { openWith, sealWith } from './cipher';

/** How an erased value reads in views, exports and answers. */
export const ERASED = '[erased]';

/** E-mail addresses in one form: trimmed, lower case. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Seals and opens personal values with the vault's keys. A subject's id is a keyed hash (HMAC-
 * SHA-256 under the vault's index key) of its e-mail address, so the same person is one subject
 * across contracts and tickets, and the address never appears in a key or an index.
 */
export class Sealer {
  constructor(private readonly vault: Vault) {}

  async subjectOf(email: string): Promise<string> {
    return (await this.blindHash(normalEmail(email))).slice(0, 32);
  }

  /** A keyed hash (HMAC-SHA-256 under the index key, hex) of a text that may hold personal data. */
  async blindHash(text: string): Promise<string> {
    const key = await this.vault.keyOrCreate(INDEX_KEY_REF);
    return createHmac('sha256', key).update(text, 'utf8').digest('hex');
  }

  /** Seals `clear` with the key of `keyRef` (created on first use; `expiresAt` for a time-limited key). */
  async seal(clear: string, keyRef: string, expiresAt?: number): Promise<string> {
    return sealWith(await this.vault.keyOrCreate(keyRef, expiresAt), keyRef, clear);
  }

  async sealForSubject(clear: string, subjectId: string): Promise<string> {
    return this.seal(clear, subjectKeyRef(subjectId));
  }

  /** The clear value, or undefined when its key is gone (erased, or its period is over). */
  async open(sealed: string): Promise<string | undefined> {
    const key = await this.vault.key(keyRefOf(sealed));
    if (!key) return undefined;
    try {
      return openWith(key, sealed);
    } catch {
      return undefined; // sealed under an earlier key of the same reference, since erased
    }
  }

  /**
   * A copy of `value` with every sealed string opened; erased ones read `erasedAs`. With `only`,
   * values sealed under other keys are not opened and read `withheldAs` (an export shows a person
   * their own data, not another's).
   */
  async openDeep<T>(value: T, erasedAs: string = ERASED, only?: { keyRefs: (keyRef: string) => boolean; withheldAs: string }): Promise<T> {
    if (isSealed(value)) {
      if (only && !only.keyRefs(keyRefOf(value))) return only.withheldAs as T;
      return ((await this.open(value)) ?? erasedAs) as T;
    }
    if (Array.isArray(value)) return (await Promise.all(value.map((v) => this.openDeep(v, erasedAs, only)))) as T;
    if (value && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await this.openDeep(v, erasedAs, only)] as const));
      return Object.fromEntries(entries) as T;
    }
    return value;
  }
}

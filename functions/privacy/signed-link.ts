import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { InvalidLinkError, LinkExpiredError } from '../../domain/errors';
import type { Vault } from '../vault/vault';

/** The vault key that signs the links we e-mail (confirmation and unsubscribe links). */
export const LINK_KEY_REF = 'links-v1';

/** What a link is for; a token signed for one purpose is refused for another. */
export type LinkPurpose = 'privacy-confirmation' | 'unsubscribe';

const Claims = z.object({ p: z.string(), id: z.string().min(1).max(200), exp: z.number().int().positive() });
export type LinkClaims = { purpose: LinkPurpose; id: string; expiresAt: string };

const TOKEN = /^[A-Za-z0-9_-]{1,600}\.[A-Za-z0-9_-]{43}$/;

/**
 * Tokens of the links we e-mail: `<claims>.<mac>`, base64url, where the claims are the purpose,
 * an id (a request, a subject) and the expiry, and the mac is HMAC-SHA-256 under a vault key
 * (wrapped by KMS in AWS). Nothing in a token is personal or secret; it only proves we issued it.
 */
export class LinkSigner {
  constructor(private readonly vault: Vault) {}

  async sign(purpose: LinkPurpose, id: string, expiresAt: string): Promise<string> {
    const claims = Buffer.from(JSON.stringify({ p: purpose, id, exp: Math.floor(Date.parse(expiresAt) / 1000) })).toString('base64url');
    return `${claims}.${await this.mac(claims)}`;
  }

  /** The id a token carries; InvalidLinkError when forged, altered or for another purpose, LinkExpiredError after its expiry. */
  async verify(token: string, purpose: LinkPurpose, now: string): Promise<string> {
    if (!TOKEN.test(token)) throw new InvalidLinkError();
    const [claims, mac] = token.split('.') as [string, string];
    // Compared as text: base64url decoding ignores the last character's spare bits, so an altered token could decode alike.
    const expected = Buffer.from(await this.mac(claims), 'ascii');
    const given = Buffer.from(mac, 'ascii');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidLinkError();
    let parsed: z.infer<typeof Claims>;
    try {
      parsed = Claims.parse(JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')));
    } catch {
      throw new InvalidLinkError();
    }
    if (parsed.p !== purpose) throw new InvalidLinkError();
    if (parsed.exp * 1000 <= Date.parse(now)) throw new LinkExpiredError();
    return parsed.id;
  }

  private async mac(claims: string): Promise<string> {
    return createHmac('sha256', await this.vault.keyOrCreate(LINK_KEY_REF)).update(claims, 'utf8').digest('base64url');
  }
}

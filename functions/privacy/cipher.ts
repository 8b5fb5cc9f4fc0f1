import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SEALED_PREFIX } from '../../events/sealed';

/** AES-256-GCM of one value under a data key, bound to its key reference. */

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealWith(key: Buffer, keyRef: string, clear: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyRef, 'utf8'));
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${keyRef}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** The clear value; throws when the value was not sealed with this key (tampered, or another key). */
export function openWith(key: Buffer, sealed: string): string {
  const [keyRef, iv, body] = sealed.slice(SEALED_PREFIX.length).split(':');
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(keyRef, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

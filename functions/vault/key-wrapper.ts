import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Wraps data keys for the vault table: in AWS with KMS (an encryption context naming the key's
 * subject or purpose), here with a local master key. A wrapped key is useless without the wrapper.
 */
export interface KeyWrapper {
  wrap(dataKey: Buffer, keyRef: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, keyRef: string): Promise<Buffer>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM under a 32-byte master key, the key reference as additional data. */
export class LocalKeyWrapper implements KeyWrapper {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the local master key must be 32 bytes');
  }

  async wrap(dataKey: Buffer, keyRef: string): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(Buffer.from(keyRef, 'utf8'));
    return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  }

  async unwrap(wrapped: Buffer, keyRef: string): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyRef, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
  }
}

import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { KeyWrapper } from './key-wrapper';

/**
 * Wraps data keys with AWS KMS: Encrypt/Decrypt under one key, with the encryption context
 * `{ keyRef }` naming the subject or purpose, so a wrapped key only unwraps for what it was made for
 * (and CloudTrail shows whose key was used).
 */
export class KmsKeyWrapper implements KeyWrapper {
  constructor(private readonly client: KMSClient, private readonly keyId: string) {}

  async wrap(dataKey: Buffer, keyRef: string): Promise<Buffer> {
    const { CiphertextBlob } = await this.client.send(new EncryptCommand({ KeyId: this.keyId, Plaintext: dataKey, EncryptionContext: { keyRef } }));
    if (!CiphertextBlob) throw new Error('KMS returned no ciphertext');
    return Buffer.from(CiphertextBlob);
  }

  async unwrap(wrapped: Buffer, keyRef: string): Promise<Buffer> {
    const { Plaintext } = await this.client.send(new DecryptCommand({ KeyId: this.keyId, CiphertextBlob: wrapped, EncryptionContext: { keyRef } }));
    if (!Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(Plaintext);
  }
}

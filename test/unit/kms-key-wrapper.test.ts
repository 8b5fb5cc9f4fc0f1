/**
 * KmsKeyWrapper against a FAKE KMSClient. There is no KMS emulator on this machine (the local
 * runtime and the integration tests wrap data keys with LocalKeyWrapper and a master key), so this
 * is the one place a stand-in replaces AWS for the vault. The fake behaves like KMS's symmetric
 * Encrypt/Decrypt where the wrapper depends on it: the ciphertext names its key and is bound to
 * the encryption context (AES-GCM with the context as additional data), Decrypt with another
 * context fails with InvalidCiphertextException, and with another key with IncorrectKeyException.
 * What it cannot show (IAM conditions on `kms:EncryptionContextKeys`, key policies) is checked on
 * the synthesized template in test/infra.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  DecryptCommand,
  EncryptCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  NotFoundException,
  type DecryptCommandInput,
  type EncryptCommandInput,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { KmsKeyWrapper } from '../../functions/vault/kms-key-wrapper';

const KEY_ARN = 'arn:aws:kms:eu-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const OTHER_KEY_ARN = 'arn:aws:kms:eu-north-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321';

const metadata = { $metadata: { httpStatusCode: 400 } };

/** A stand-in for KMS: symmetric keys by ARN, ciphertexts bound to their key and encryption context. */
class FakeKms {
  readonly calls: Array<{ command: 'Encrypt'; input: EncryptCommandInput } | { command: 'Decrypt'; input: DecryptCommandInput }> = [];
  private readonly keys = new Map<string, Buffer>();

  constructor(keyIds: string[]) {
    for (const keyId of keyIds) this.keys.set(keyId, randomBytes(32));
  }

  async send(command: unknown): Promise<unknown> {
    if (command instanceof EncryptCommand) {
      this.calls.push({ command: 'Encrypt', input: command.input });
      return { CiphertextBlob: this.encrypt(command.input), KeyId: command.input.KeyId };
    }
    if (command instanceof DecryptCommand) {
      this.calls.push({ command: 'Decrypt', input: command.input });
      return this.decrypt(command.input);
    }
    throw new Error(`the fake KMS does not implement ${(command as object).constructor.name}`);
  }

  asClient(): KMSClient {
    return this as unknown as KMSClient;
  }

  private key(keyId: string | undefined): Buffer {
    const key = keyId && this.keys.get(keyId);
    if (!key) throw new NotFoundException({ message: `Key '${keyId}' does not exist`, ...metadata });
    return key;
  }

  /** Blob: key id length (1 byte), key id, IV (12), ciphertext, tag (16). */
  private encrypt({ KeyId, Plaintext, EncryptionContext }: EncryptCommandInput): Uint8Array {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(KeyId), iv);
    cipher.setAAD(contextBytes(EncryptionContext));
    const body = Buffer.concat([cipher.update(Plaintext!), cipher.final(), cipher.getAuthTag()]);
    const keyId = Buffer.from(KeyId!, 'utf8');
    return new Uint8Array(Buffer.concat([Buffer.from([keyId.length]), keyId, iv, body]));
  }

  private decrypt({ KeyId, CiphertextBlob, EncryptionContext }: DecryptCommandInput) {
    const blob = Buffer.from(CiphertextBlob!);
    const keyIdLength = blob[0]!;
    const sealedWith = blob.subarray(1, 1 + keyIdLength).toString('utf8');
    if (KeyId !== undefined && KeyId !== sealedWith) {
      throw new IncorrectKeyException({ message: 'The key ID in the request does not identify a CMK that can perform this operation.', ...metadata });
    }
    const rest = blob.subarray(1 + keyIdLength);
    const decipher = createDecipheriv('aes-256-gcm', this.key(sealedWith), rest.subarray(0, 12));
    decipher.setAAD(contextBytes(EncryptionContext));
    decipher.setAuthTag(rest.subarray(rest.length - 16));
    try {
      const plaintext = Buffer.concat([decipher.update(rest.subarray(12, rest.length - 16)), decipher.final()]);
      return { Plaintext: new Uint8Array(plaintext), KeyId: sealedWith };
    } catch {
      // What KMS answers when the encryption context differs from the one used to encrypt.
      throw new InvalidCiphertextException({ message: '', ...metadata });
    }
  }
}

/** The encryption context as KMS binds it: order-independent. */
const contextBytes = (context: Record<string, string> | undefined): Buffer =>
  Buffer.from(JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), 'utf8');

describe('KmsKeyWrapper (fake KMSClient: no KMS emulator exists here)', () => {
  it('wraps and unwraps a data key: a round trip through KMS Encrypt and Decrypt', async () => {
    const kms = new FakeKms([KEY_ARN]);
    const wrapper = new KmsKeyWrapper(kms.asClient(), KEY_ARN);
    const dataKey = randomBytes(32);
    const wrapped = await wrapper.wrap(dataKey, 's-ada');
    expect(Buffer.isBuffer(wrapped)).toBe(true);
    expect(wrapped.includes(dataKey)).toBe(false);
    const unwrapped = await wrapper.unwrap(wrapped, 's-ada');
    expect(Buffer.isBuffer(unwrapped)).toBe(true);
    expect(unwrapped.equals(dataKey)).toBe(true);
  });

  it('sends the key id and the encryption context { keyRef } with both calls', async () => {
    const kms = new FakeKms([KEY_ARN]);
    const wrapper = new KmsKeyWrapper(kms.asClient(), KEY_ARN);
    const dataKey = randomBytes(32);
    const wrapped = await wrapper.wrap(dataKey, 'p-ip-2026-11');
    await wrapper.unwrap(wrapped, 'p-ip-2026-11');
    expect(kms.calls.map((c) => c.command)).toEqual(['Encrypt', 'Decrypt']);
    const [encrypt, decrypt] = kms.calls;
    expect(encrypt!.input).toMatchObject({ KeyId: KEY_ARN, EncryptionContext: { keyRef: 'p-ip-2026-11' } });
    expect(Buffer.from((encrypt!.input as EncryptCommandInput).Plaintext!).equals(dataKey)).toBe(true);
    expect(decrypt!.input).toMatchObject({ KeyId: KEY_ARN, EncryptionContext: { keyRef: 'p-ip-2026-11' } });
    expect(Object.keys(encrypt!.input.EncryptionContext!)).toEqual(['keyRef']);
    expect(Buffer.from((decrypt!.input as DecryptCommandInput).CiphertextBlob!).equals(wrapped)).toBe(true);
  });

  it("refuses to unwrap a key under another keyRef: one subject's wrapped key never opens as another's", async () => {
    const kms = new FakeKms([KEY_ARN]);
    const wrapper = new KmsKeyWrapper(kms.asClient(), KEY_ARN);
    const wrapped = await wrapper.wrap(randomBytes(32), 's-ada');
    await expect(wrapper.unwrap(wrapped, 's-bob')).rejects.toBeInstanceOf(InvalidCiphertextException);
    // The right keyRef still opens it.
    await expect(wrapper.unwrap(wrapped, 's-ada')).resolves.toHaveLength(32);
  });

  it('refuses to unwrap with another KMS key', async () => {
    const kms = new FakeKms([KEY_ARN, OTHER_KEY_ARN]);
    const wrapped = await new KmsKeyWrapper(kms.asClient(), KEY_ARN).wrap(randomBytes(32), 's-ada');
    await expect(new KmsKeyWrapper(kms.asClient(), OTHER_KEY_ARN).unwrap(wrapped, 's-ada')).rejects.toBeInstanceOf(IncorrectKeyException);
  });

  it('fails clearly when KMS answers without a ciphertext or a plaintext', async () => {
    const empty = { send: async () => ({}) } as unknown as KMSClient;
    const wrapper = new KmsKeyWrapper(empty, KEY_ARN);
    await expect(wrapper.wrap(randomBytes(32), 's-ada')).rejects.toThrow('KMS returned no ciphertext');
    await expect(wrapper.unwrap(randomBytes(64), 's-ada')).rejects.toThrow('KMS returned no plaintext');
  });
});

import { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** The alias of the vault's key (one deployment per account and region). */
export const VAULT_KEY_ALIAS = 'alias/support-ledger-vault';

/**
 * The encryption context key every use of the vault key must carry (KmsKeyWrapper sends
 * `{ keyRef }`: the subject or purpose a data key belongs to). IAM grants require it.
 */
export const VAULT_ENCRYPTION_CONTEXT_KEY = 'keyRef';

/**
 * The customer-managed KMS key that wraps the PII vault's data keys (functions/vault): separate
 * from the tables' key, which DynamoDB uses for encryption at rest, so that using a data key needs
 * both a read of the `vault` table and a direct, audited kms:Decrypt with the key's `keyRef`.
 * It rotates yearly and is retained when the stack goes: without it no sealed field opens again.
 */
export class VaultKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'support-ledger: wraps the data keys of the PII vault (crypto-shredded personal data)',
      alias: VAULT_KEY_ALIAS,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../../events/catalog';
import { sealEvents } from '../../functions/privacy/seal-events';
import { Sealer } from '../../functions/privacy/sealer';
import { LocalKeyWrapper } from '../../functions/vault/key-wrapper';
import { Vault } from '../../functions/vault/vault';

/** A PII vault on a test table (a fresh local master key) and the event store's sealing step over it. */
export function testVault(client: DynamoDBClient, table: string) {
  const vault = new Vault({ client, table, wrapper: new LocalKeyWrapper(randomBytes(32)) });
  const sealer = new Sealer(vault);
  const seal = (streamId: string, events: readonly NewEvent[]): Promise<NewEvent[]> => sealEvents(sealer, vault, streamId, events);
  return { vault, sealer, seal };
}

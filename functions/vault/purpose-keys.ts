import { DeleteItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { VAULT } from '../tables';

const PK = VAULT.partitionKey.name;
const SK = VAULT.sortKey.name;
const TTL = VAULT.timeToLiveAttribute;

/**
 * The expiry index of time-limited (purpose) keys: one item per key, all in the one partition
 * `expiry`, sorted by `<expiry instant, ISO>#<keyRef>`. The retention job finds every key due with
 * one query (`sk <= now`), no scan and no walk over days, whatever it missed before (a day without
 * a run, a period long gone). The partition stays tiny: it holds only the live purpose keys (a few
 * weekly security keys and thirteen monthly analytics keys), and it is written once per key.
 * Index items carry the key's TTL too, so DynamoDB's TTL (the backstop) removes both.
 */
export const EXPIRY_PARTITION = 'expiry';

const sortKey = (keyRef: string, expiresAt: number): string => `${new Date(expiresAt * 1000).toISOString()}#${keyRef}`;

/** The index item of a purpose key expiring at `expiresAt` (epoch seconds). */
export const expiryIndexItem = (keyRef: string, expiresAt: number): Record<string, AttributeValue> => ({
  [PK]: { S: EXPIRY_PARTITION },
  [SK]: { S: sortKey(keyRef, expiresAt) },
  keyRef: { S: keyRef },
  [TTL]: { N: String(expiresAt) },
});

/** The index items of the keys expired at `now` (epoch ms), oldest first. */
async function* expiredEntries(client: DynamoDBClient, table: string, now: number): AsyncGenerator<{ keyRef: string; sk: string }> {
  // `~` sorts after every character of a key reference, so a key expiring exactly at `now` is due.
  const bound = `${new Date(now).toISOString()}#~`;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#pk = :pk AND #sk <= :bound',
        ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
        ExpressionAttributeValues: { ':pk': { S: EXPIRY_PARTITION }, ':bound': { S: bound } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) yield { keyRef: item.keyRef.S!, sk: item[SK].S! };
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * Deletes every purpose key expired at `now` (epoch ms) with `erase`, then its index item (so a
 * run that fails half-way is finished by the next). Returns the key references whose key this
 * call deleted (not those DynamoDB's TTL removed first).
 */
export async function purgeExpiredKeys(client: DynamoDBClient, table: string, now: number, erase: (keyRef: string) => Promise<boolean>): Promise<string[]> {
  const deleted: string[] = [];
  for await (const { keyRef, sk } of expiredEntries(client, table, now)) {
    if (await erase(keyRef)) deleted.push(keyRef);
    await client.send(new DeleteItemCommand({ TableName: table, Key: { [PK]: { S: EXPIRY_PARTITION }, [SK]: { S: sk } } }));
  }
  return deleted;
}

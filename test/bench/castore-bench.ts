import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBSingleTableEventStorageAdapter } from '@castore/event-storage-adapter-dynamodb';
import { randomUUID } from 'node:crypto';
import { castoreEvent } from './payloads';
import { runWriters, type Run } from './stats';
import { timeReads, type ReadResult } from './store-bench';

/** The peer: castore's DynamoDB single-table adapter, on a table laid out as it requires. */
export const EVENT_STORE_ID = 'contracts';
const context = { eventStoreId: EVENT_STORE_ID };

export const castoreAdapter = (client: DynamoDBClient, table: string) =>
  new DynamoDBSingleTableEventStorageAdapter({ tableName: table, dynamoDBClient: client });

/** `writers` writers, each on its own aggregate, pushing version 1, 2, 3 … with pushEvent. */
export function benchCastorePush(
  adapter: DynamoDBSingleTableEventStorageAdapter,
  writers: number,
  opsPerWriter: number,
): Promise<Run> {
  return runWriters({
    writers,
    opsPerWriter,
    setup: async () => castoreEvent(randomUUID(), 0),
    op: async (template, i) => {
      await adapter.pushEvent({ ...template, version: i + 1 }, context);
    },
  });
}

/** Writes a castore aggregate of `events` events (the adapter's own items, 25 per BatchWriteItem). */
export async function writeCastoreStream(
  client: DynamoDBClient,
  adapter: DynamoDBSingleTableEventStorageAdapter,
  events: number,
): Promise<string> {
  const aggregateId = randomUUID();
  const table = adapter.getTableName();
  for (let from = 1; from <= events; from += 25) {
    const requests = [];
    for (let version = from; version < Math.min(from + 25, events + 1); version++) {
      const input = adapter.getPushEventInput(
        { ...castoreEvent(aggregateId, version), timestamp: new Date().toISOString() },
        { ...context, force: true },
      );
      requests.push({ PutRequest: { Item: input.Item! } });
    }
    let pending: typeof requests | undefined = requests;
    while (pending && pending.length > 0) {
      const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = UnprocessedItems?.[table] as typeof requests | undefined;
    }
  }
  return aggregateId;
}

/** castore's read of a whole aggregate: getEvents (what getAggregate folds over). */
export const benchCastoreRead = (
  adapter: DynamoDBSingleTableEventStorageAdapter,
  aggregateId: string,
  events: number,
  reads: number,
): Promise<ReadResult> => timeReads(events, reads, 3, async () => (await adapter.getEvents(aggregateId, context)).events.length);

import { randomUUID } from 'node:crypto';
import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { EventStore, StreamPosition } from '../../functions/store/event-store';
import { itemSize } from '../../functions/store/limits';
import { EVENTS, tableEnvVar, TABLES } from '../../functions/tables';
import { ViewStore } from '../../functions/views/view-store';
import { LocalBus } from '../../infra/local/bus';
import { contractCreated, contractExpired, metadata, uniqueStream } from '../support/fixtures';
import type { TableNames } from './dynamodb';
import { CREDENTIALS, REGION } from './env';
import { round, summarize } from './stats';

type Item = Record<string, AttributeValue>;
type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export interface ProjectorResult {
  streams: number;
  eventsPerStream: number;
  events: number;
  batchSize: number;
  batches: number;
  /** Sum of the handler calls' durations (batches run one after another, as on one shard). */
  handlerMs: number;
  eventsPerSecond: number;
  batchP50Ms: number;
  batchP99Ms: number;
  batchItemFailures: number;
  published: number;
  viewsUpToDate: number;
  ok: boolean;
}

/** Writes `streams` contract streams of `perStream` single-event appends, 16 streams at a time. */
async function writeContracts(store: EventStore, streams: number, perStream: number): Promise<string[]> {
  const ids = Array.from({ length: streams }, () => uniqueStream('contract'));
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const streamId = ids[next++];
      const contractId = streamId.slice(streamId.indexOf('#') + 1);
      let { position } = await store.load(streamId);
      for (let v = 1; v <= perStream; v++) {
        const event = v === 1 ? contractCreated(contractId) : contractExpired(contractId);
        const result = await store.append(position, [event], metadata());
        if (result.status !== 'appended') throw new Error('append replayed');
        position = result.position as StreamPosition;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

/** The stored items of the streams (raw Query: their exact images), in write order (event ids are monotonic ULIDs). */
async function storedItems(client: DynamoDBClient, table: string, streamIds: string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const streamId of streamIds) {
    let startKey: Item | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': EVENTS.partitionKey.name },
          ExpressionAttributeValues: { ':s': { S: streamId } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return items.sort((a, b) => (a.eventId.S! < b.eventId.S! ? -1 : a.eventId.S! > b.eventId.S! ? 1 : 0));
}

let sequence = 1_000_000_000_000_000_000n;

/** Stream records as Lambda receives them from a NEW_IMAGE DynamoDB stream. */
function streamEvent(items: Item[], table: string): DynamoDBStreamEvent {
  const arn = `arn:aws:dynamodb:${REGION}:000000000000:table/${table}/stream/2026-11-21T00:00:00.000`;
  const Records: DynamoDBRecord[] = items.map((item) => ({
    eventID: randomUUID().replaceAll('-', ''),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    eventSourceARN: arn,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: {
        [EVENTS.partitionKey.name]: item[EVENTS.partitionKey.name],
        [EVENTS.sortKey.name]: item[EVENTS.sortKey.name],
      } as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      NewImage: item as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      SequenceNumber: String(sequence++),
      SizeBytes: itemSize(item),
      StreamViewType: 'NEW_IMAGE',
    },
  }));
  return { Records };
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The projector handler on hand-built stream batches of the events a store wrote: views in
 * DynamoDB Local, PutEvents to a LocalBus that delivers nowhere.
 */
export async function benchProjector(options: {
  client: DynamoDBClient;
  store: EventStore;
  endpoint: string;
  tables: TableNames;
  streams: number;
  eventsPerStream: number;
  batchSize: number;
}): Promise<ProjectorResult> {
  const { client, store, tables, streams, eventsPerStream, batchSize } = options;
  let published = 0;
  const bus = new LocalBus(async () => void published++, REGION);
  try {
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: options.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: await bus.listen(0),
      EVENT_BUS_NAME: 'support-ledger-bench',
      ...Object.fromEntries(TABLES.map((t) => [tableEnvVar(t.id), tables[t.id]])),
    });
    const { handler } = (await import('../../functions/projector/handler')) as { handler: Handler };

    // Warm-up: one batch of other streams, untimed.
    const warmIds = await writeContracts(store, Math.ceil(batchSize / eventsPerStream), eventsPerStream);
    const warm = await handler(streamEvent(await storedItems(client, tables.events, warmIds), tables.events));
    if (warm.batchItemFailures.length > 0) throw new Error('projector warm-up batch failed');
    await bus.idle();
    published = 0;

    const ids = await writeContracts(store, streams, eventsPerStream);
    const items = await storedItems(client, tables.events, ids);
    const events = batches(items, batchSize).map((b) => streamEvent(b, tables.events));
    const latencies: number[] = [];
    let failures = 0;
    for (const event of events) {
      const t = performance.now();
      const response = await handler(event);
      latencies.push(performance.now() - t);
      failures += response.batchItemFailures.length;
    }
    await bus.idle();
    const viewsUpToDate = await countViewsAt(client, tables.views, ids, eventsPerStream);
    const handlerMs = latencies.reduce((a, b) => a + b, 0);
    const s = summarize(latencies, handlerMs);
    return {
      streams,
      eventsPerStream,
      events: items.length,
      batchSize,
      batches: events.length,
      handlerMs: round(handlerMs),
      eventsPerSecond: round((items.length / handlerMs) * 1000, 0),
      batchP50Ms: s.p50Ms,
      batchP99Ms: s.p99Ms,
      batchItemFailures: failures,
      published,
      viewsUpToDate,
      ok: failures === 0 && published === items.length && viewsUpToDate === streams && items.length === streams * eventsPerStream,
    };
  } finally {
    await bus.close();
  }
}

/** How many of the streams' views have applied every event. */
async function countViewsAt(client: DynamoDBClient, table: string, ids: string[], version: number): Promise<number> {
  const views = new ViewStore(client, table);
  let count = 0;
  for (const pk of ids) if ((await views.get(pk))?.version === version) count++;
  return count;
}

import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';
import { CONTRACT_EXPIRY } from '../../domain/contract/view';
import type { EventStore } from '../../functions/store/event-store';
import { tableEnvVar, TABLES, VIEWS } from '../../functions/tables';
import { dueShard, ViewStore } from '../../functions/views/view-store';
import { scheduledEvent } from '../../infra/local/scheduler';
import { countDueIndexReads } from '../support/due-reads';
import { contractActivated, contractCreated, metadata } from '../support/fixtures';
import type { TableNames } from './dynamodb';
import { CREDENTIALS, REGION } from './env';
import { round } from './stats';

export interface SweepResult {
  contracts: number;
  due: number;
  sweepMs: number;
  /** Items the sweeper read from the due index (the goal: ≈ items due). */
  indexItemsRead: number;
  /** Reads of the due index (one query per shard, plus pages). */
  indexQueries: number;
  expired: number;
  ok: boolean;
}

/** Due contracts: real streams (ordered, activated, term ended) projected by the projector's own code. */
async function dueContracts(store: EventStore, views: ViewStore, count: number): Promise<string[]> {
  const { applyToView } = await import('../../functions/projector/apply-to-views');
  const { projections } = await import('../../functions/projector/projections');
  const ids = Array.from({ length: count }, () => `contract#${randomUUID()}`);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const streamId = ids[next++];
      const id = streamId.slice(streamId.indexOf('#') + 1);
      const { position } = await store.load(streamId);
      const result = await store.append(position, [contractCreated(id), contractActivated(id)], metadata());
      if (result.status !== 'appended') throw new Error('append replayed');
      await applyToView(result.events, projections, store, views);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

/** Contracts whose term ends later: only their entries in the due index matter to the sweep. */
async function notDueEntries(client: DynamoDBClient, table: string, count: number): Promise<void> {
  const requests: WriteRequest[][] = [];
  for (let i = 0; i < count; i += 25) {
    requests.push(
      Array.from({ length: Math.min(25, count - i) }, (_, k) => {
        const pk = `contract#${randomUUID()}`;
        const month = String(1 + ((i + k) % 12)).padStart(2, '0');
        return {
          PutRequest: {
            Item: {
              [VIEWS.partitionKey.name]: { S: pk },
              [VIEWS.sortKey.name]: { S: `due#${CONTRACT_EXPIRY}` },
              [VIEWS.indexes[0].partitionKey.name]: { S: dueShard(CONTRACT_EXPIRY, pk) },
              [VIEWS.indexes[0].sortKey.name]: { S: `2028-${month}-15T10:00:00.000Z` },
            },
          },
        };
      }),
    );
  }
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      let pending: WriteRequest[] | undefined = requests[next++];
      while (pending && pending.length > 0) {
        const output: { UnprocessedItems?: Record<string, WriteRequest[]> } = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        pending = output.UnprocessedItems?.[table];
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * The daily expiry sweep over `contracts` contracts of which `duePercent` % are due: its time and
 * how many items it reads from the due index (which should be ≈ the number due, not the total).
 */
export async function benchSweep(options: {
  client: DynamoDBClient;
  store: EventStore;
  endpoint: string;
  tables: TableNames;
  contracts: number;
  duePercent: number;
  log: (message: string) => void;
}): Promise<SweepResult> {
  const { client, store, tables } = options;
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.endpoint,
    ...Object.fromEntries(TABLES.map((t) => [tableEnvVar(t.id), tables[t.id]])),
  });
  const views = new ViewStore(client, tables.views);
  const due = Math.round((options.contracts * options.duePercent) / 100);
  options.log(`sweep: writing ${due} due contracts and ${options.contracts - due} due-index entries for later…`);
  const dueIds = await dueContracts(store, views, due);
  await notDueEntries(client, tables.views, options.contracts - due);

  const { handler } = (await import('../../functions/sweepers/expire-contracts')) as { handler: (event: ScheduledEvent) => Promise<unknown> };
  const reads = { items: 0, queries: 0 };
  await countDueIndexReads((items) => {
    reads.queries++;
    reads.items += items;
  });
  options.log('sweep: running the expiry sweeper…');
  const started = performance.now();
  await handler(scheduledEvent('expire-contracts', new Date('2027-01-01T00:05:00Z'), REGION));
  const sweepMs = performance.now() - started;
  const versions = await Promise.all(dueIds.map((id) => store.version(id)));
  const expired = versions.filter((v) => v === 3).length;
  return {
    contracts: options.contracts,
    due,
    sweepMs: round(sweepMs, 0),
    indexItemsRead: reads.items,
    indexQueries: reads.queries,
    expired,
    ok: expired === due && reads.items === due,
  };
}

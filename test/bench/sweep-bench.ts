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

/**
 * Streams of `category` with a `kind` deadline later than the sweep: only their entries in the
 * due index matter to a sweep (it reads nothing else), so only those are written, in batches of
 * 25, at the instants `at(i)` gives.
 */
export async function notDueEntries(
  client: DynamoDBClient,
  table: string,
  count: number,
  options: { kind: string; category: string; at: (i: number) => string } = {
    kind: CONTRACT_EXPIRY,
    category: 'contract',
    at: (i) => `2028-${String(1 + (i % 12)).padStart(2, '0')}-15T10:00:00.000Z`,
  },
): Promise<void> {
  const requests: WriteRequest[][] = [];
  for (let i = 0; i < count; i += 25) {
    requests.push(
      Array.from({ length: Math.min(25, count - i) }, (_, k) => {
        const pk = `${options.category}#${randomUUID()}`;
        return {
          PutRequest: {
            Item: {
              [VIEWS.partitionKey.name]: { S: pk },
              [VIEWS.sortKey.name]: { S: `due#${options.kind}` },
              [VIEWS.indexes[0].partitionKey.name]: { S: dueShard(options.kind, pk) },
              [VIEWS.indexes[0].sortKey.name]: { S: new Date(options.at(i + k)).toISOString() },
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

/** The functions' environment against the bench's DynamoDB Local (set before their clients are made). */
export function useBenchEnvironment(endpoint: string, tables: TableNames, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    ...Object.fromEntries(TABLES.map((t) => [tableEnvVar(t.id), tables[t.id]])),
    ...extra,
  });
}

/** Reads of the due index by the functions' DynamoDB client since the last `reset` (the counter is installed once). */
export interface DueReads {
  items: number;
  queries: number;
}
let dueReads: DueReads | undefined;
export async function dueIndexReads(): Promise<{ reset: () => void; read: () => DueReads }> {
  if (!dueReads) {
    const counter: DueReads = { items: 0, queries: 0 };
    await countDueIndexReads((items) => {
      counter.queries++;
      counter.items += items;
    });
    dueReads = counter;
  }
  const counter = dueReads;
  return {
    reset: () => Object.assign(counter, { items: 0, queries: 0 }),
    read: () => ({ ...counter }),
  };
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
  useBenchEnvironment(options.endpoint, tables);
  const views = new ViewStore(client, tables.views);
  const due = Math.round((options.contracts * options.duePercent) / 100);
  options.log(`sweep: writing ${due} due contracts and ${options.contracts - due} due-index entries for later…`);
  const dueIds = await dueContracts(store, views, due);
  await notDueEntries(client, tables.views, options.contracts - due);

  const { handler } = (await import('../../functions/sweepers/expire-contracts')) as { handler: (event: ScheduledEvent) => Promise<unknown> };
  const counter = await dueIndexReads();
  options.log('sweep: running the expiry sweeper…');
  counter.reset();
  const started = performance.now();
  await handler(scheduledEvent('expire-contracts', new Date('2027-01-01T00:05:00Z'), REGION));
  const sweepMs = performance.now() - started;
  const reads = counter.read();
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

import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable } from '../../infra/local/create-tables';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/ports';
import { EVENTS, TABLES, type TableDefinition, type TableId } from '../../functions/tables';
import { CREDENTIALS, REGION } from './env';

export type TableNames = Record<TableId, string> & { castore: string; ceiling: string };

/**
 * castore's single-table layout: `aggregateId` + `version`, and the `initialEvents` GSI
 * (`eventStoreId` + `timestamp`, keys only) that only version-1 items land in. It gets a
 * NEW_IMAGE stream like our events table, so both pay the same write-side stream cost.
 */
export const CASTORE_TABLE = {
  id: 'castore',
  partitionKey: { name: 'aggregateId', type: 'S' },
  sortKey: { name: 'version', type: 'N' },
  stream: 'NEW_IMAGE',
  indexes: [{ name: 'initialEvents', partitionKey: { name: 'eventStoreId', type: 'S' }, sortKey: { name: 'timestamp', type: 'S' } }],
} as const satisfies TableDefinition;

export interface Instance {
  endpoint: string;
  client: DynamoDBClient;
}

/**
 * Three DynamoDB Local JVMs, in memory, on free ports: `main` holds our tables, `castore` the
 * peer's table, `ceiling` a copy of our events table for raw PutItems. Why three: a DynamoDB
 * Local JVM serves the first table written after it starts 30–40 % faster than any other table
 * (measured here with two identical tables, either order), so each write contender gets a JVM
 * of its own in which its table is the only one written.
 */
export interface BenchDynamo {
  main: Instance;
  castore: Instance;
  ceiling: Instance;
  tables: TableNames;
  stop(): Promise<void>;
}

async function startInstance(tables: [TableDefinition, string][], started: DynamoDbLocal[]): Promise<Instance> {
  const local = await startDynamoDbLocal({ port: await freePort() });
  started.push(local);
  const client = new DynamoDBClient({ endpoint: local.endpoint, region: REGION, credentials: CREDENTIALS });
  for (const [definition, name] of tables) await createTable(client, definition, name);
  return { endpoint: local.endpoint, client };
}

export async function startBenchDynamo(): Promise<BenchDynamo> {
  const prefix = `bench${randomUUID().slice(0, 8)}`;
  const tables = {
    ...Object.fromEntries(TABLES.map((t) => [t.id, `${prefix}-${t.id}`])),
    castore: `${prefix}-castore`,
    ceiling: `${prefix}-ceiling`,
  } as TableNames;
  const started: DynamoDbLocal[] = [];
  const settled = await Promise.allSettled([
    startInstance(TABLES.map((t) => [t, tables[t.id]]), started),
    startInstance([[CASTORE_TABLE, tables.castore]], started),
    startInstance([[EVENTS, tables.ceiling]], started),
  ]);
  const instances = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const instance of instances) instance.client.destroy();
    await Promise.all(started.map((local) => local.stop()));
  };
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const [main, castore, ceiling] = instances;
  return { main, castore, ceiling, tables, stop };
}

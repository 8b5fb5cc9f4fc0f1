import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createTable } from '../../infra/local/create-tables';
import { TABLES, type TableId } from '../../functions/tables';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const REGION = 'eu-north-1';

export const dynamoClient = () => new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: REGION, credentials });

export type TableNames = Record<TableId, string>;

/** Creates every table under a fresh prefix, so test files never see each other's data. */
export async function createTestTables(client = dynamoClient()): Promise<TableNames> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const names = Object.fromEntries(TABLES.map((t) => [t.id, `${prefix}-${t.id}`])) as TableNames;
  await Promise.all(TABLES.map((t) => createTable(client, t, names[t.id])));
  return names;
}

/** Points the handlers' AWS clients (which read the environment) at the emulators and the test tables. */
export function useEmulatorEnvironment(names: TableNames): void {
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_SESV2: inject('sesEndpoint'),
    EVENTS_TABLE: names.events,
    VIEWS_TABLE: names.views,
    IDEMPOTENCY_TABLE: names.idempotency,
    VAULT_TABLE: names.vault,
    VAULT_MASTER_KEY: randomBytes(32).toString('base64'),
    MAIL_FROM: 'support@support-ledger.test',
    MAIL_CONFIGURATION_SET: 'support-ledger',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
}

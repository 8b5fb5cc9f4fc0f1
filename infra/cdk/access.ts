import { Stack } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { EVENTS, tableEnvVar, VAULT } from '../../functions/tables';
import type { Access, VaultMode } from '../topology';
import type { Mail } from './mail';
import type { LedgerTables } from './tables';
import { VAULT_ENCRYPTION_CONTEXT_KEY } from './vault';

type TableMode = Extract<Access, { resource: 'table' }>['mode'];

const READ = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];

/**
 * DynamoDB actions per access mode. `append` may add items and read, never change one: a
 * `TransactWriteItems` is authorized per contained action, so Put + ConditionCheck suffice for
 * multi-event appends and idempotency records.
 */
export const TABLE_ACTIONS: Record<TableMode, string[]> = {
  read: READ,
  readWrite: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  append: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
};

/** What no function may ever do to the event store: events are never updated or deleted. */
export const FORBIDDEN_EVENT_ACTIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** Use of the table key, only through DynamoDB. Writers also encrypt. */
const KEY_ACTIONS: Record<TableMode, string[]> = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
  append: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
};

export const MAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

/**
 * DynamoDB actions on the `vault` table per vault mode (functions/vault/vault.ts uses GetItem,
 * Query, a conditional PutItem and DeleteItem; never UpdateItem or batch writes). Only `erase`
 * may delete a key.
 */
export const VAULT_TABLE_ACTIONS: Record<VaultMode, string[]> = {
  open: READ,
  seal: [...READ, 'dynamodb:PutItem'],
  erase: [...READ, 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
};

/** Use of the vault key per mode: unwrapping data keys (open), also wrapping new ones (seal, erase). */
export const VAULT_KEY_ACTIONS: Record<VaultMode, string[]> = {
  open: ['kms:Decrypt'],
  seal: ['kms:Decrypt', 'kms:Encrypt'],
  erase: ['kms:Decrypt', 'kms:Encrypt'],
};

/** The vault table's own encryption at rest (the tables' key, through DynamoDB) per vault mode. */
const VAULT_TABLE_KEY_MODE: Record<VaultMode, TableMode> = { open: 'read', seal: 'readWrite', erase: 'readWrite' };

/**
 * The vault key only ever takes the encryption context `{ keyRef }`: a call without it, or with
 * any other context key, is not allowed (`ForAnyValue` requires keyRef; `ForAllValues` nothing else).
 */
export const VAULT_KEY_CONDITIONS = {
  'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': VAULT_ENCRYPTION_CONTEXT_KEY },
  'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': VAULT_ENCRYPTION_CONTEXT_KEY },
};

export interface AccessTargets {
  tables: LedgerTables;
  bus: IEventBus;
  mail: Mail;
  /** The KMS key that wraps the vault's data keys (the vault table is one of `tables`). */
  vaultKey: IKey;
}

/**
 * Grants `role` exactly what one `access` entry of the topology declares, and returns the
 * environment variables the handler needs to reach that resource.
 */
export function grantAccess(role: IRole, access: Access, targets: AccessTargets): Record<string, string> {
  switch (access.resource) {
    case 'table': {
      if ((access.table as string) === VAULT.id) {
        throw new Error(`The ${VAULT.id} table is reached through a vault access (open, seal or erase), not a table access`);
      }
      return grantTable(role, targets.tables, access.table, TABLE_ACTIONS[access.mode], access.mode);
    }
    case 'vault': {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: VAULT_KEY_ACTIONS[access.mode],
          resources: [targets.vaultKey.keyArn],
          conditions: VAULT_KEY_CONDITIONS,
        }),
      );
      return {
        ...grantTable(role, targets.tables, VAULT.id, VAULT_TABLE_ACTIONS[access.mode], VAULT_TABLE_KEY_MODE[access.mode]),
        VAULT_KMS_KEY_ID: targets.vaultKey.keyArn,
      };
    }
    case 'bus':
      targets.bus.grantPutEventsTo(role);
      return { EVENT_BUS_NAME: targets.bus.eventBusName };
    case 'mail':
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: MAIL_ACTIONS,
          resources: [targets.mail.identityArn, targets.mail.configurationSetArn],
        }),
      );
      return { MAIL_FROM: targets.mail.from, MAIL_CONFIGURATION_SET: targets.mail.configurationSetName };
  }
}

/** `actions` on a table and its indexes, and its key through DynamoDB; returns the table's env var. */
function grantTable(role: IRole, tables: LedgerTables, id: keyof LedgerTables['byId'], actions: string[], keyMode: TableMode): Record<string, string> {
  const { table, indexArns } = tables.byId[id];
  role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [table.tableArn, ...indexArns] }));
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: KEY_ACTIONS[keyMode],
      resources: [tables.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(role).region}.amazonaws.com` } },
    }),
  );
  return { [tableEnvVar(id)]: table.tableName };
}

/** The explicit Deny every function role carries, whatever it was granted elsewhere. */
export function denyEventMutation(role: IRole, tables: LedgerTables): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      actions: FORBIDDEN_EVENT_ACTIONS,
      resources: [tables.byId[EVENTS.id].table.tableArn],
    }),
  );
}

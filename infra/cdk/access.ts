import { Stack } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { EVENTS, tableEnvVar } from '../../functions/tables';
import type { Access } from '../topology';
import type { Mail } from './mail';
import type { LedgerTables } from './tables';

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

export interface AccessTargets {
  tables: LedgerTables;
  bus: IEventBus;
  mail: Mail;
}

/**
 * Grants `role` exactly what one `access` entry of the topology declares, and returns the
 * environment variables the handler needs to reach that resource.
 */
export function grantAccess(role: IRole, access: Access, targets: AccessTargets): Record<string, string> {
  switch (access.resource) {
    case 'table': {
      const { table, indexArns } = targets.tables.byId[access.table];
      role.addToPrincipalPolicy(
        new PolicyStatement({ actions: TABLE_ACTIONS[access.mode], resources: [table.tableArn, ...indexArns] }),
      );
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: KEY_ACTIONS[access.mode],
          resources: [targets.tables.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(role).region}.amazonaws.com` } },
        }),
      );
      return { [tableEnvVar(access.table)]: table.tableName };
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

import { INTEGRATION_SOURCE } from '../events/integration';
import type { TableId } from '../functions/tables';
import { TABLES } from '../functions/tables';

/**
 * The one declaration of what support-ledger is made of: tables, functions and their triggers.
 * `infra/cdk` turns it into AWS resources; `infra/local` runs the same declaration on this
 * machine (DynamoDB Local, the SES emulator, an in-process bus and scheduler, an HTTP server).
 */

/** OAuth scope every staff route requires (Cognito resource server `support-ledger`, scope `staff`). */
export const STAFF_SCOPE = 'support-ledger/staff';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Trigger =
  | {
      kind: 'http';
      method: HttpMethod;
      /** API Gateway route path, e.g. `/v1/contracts/{id}`. */
      path: string;
      /** `staff`: JWT authorizer with STAFF_SCOPE; `public`: website forms, rate limited, CORS. */
      auth: 'staff' | 'public';
    }
  | {
      kind: 'stream';
      table: TableId;
      batchSize: number;
      maxBatchingWindowSeconds: number;
      /** Retries of a failing batch before it goes to the on-failure queue. */
      retryAttempts: number;
    }
  | {
      kind: 'bus';
      rule: string;
      /** An EventBridge event pattern; the local bus matches it with the same semantics. */
      pattern: Record<string, unknown>;
      retryAttempts: number;
      maxEventAgeSeconds: number;
    }
  | {
      kind: 'schedule';
      name: string;
      /** An EventBridge schedule expression: `rate(…)` or `cron(min hour dom month dow year)`. */
      expression: string;
    };

export type Access =
  | { resource: 'table'; table: TableId; mode: 'read' | 'readWrite' | 'append' }
  | { resource: 'bus'; mode: 'publish' }
  | { resource: 'mail'; mode: 'send' };

export interface FunctionDefinition {
  /** Path of the handler module from the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMB: number;
  timeoutSeconds: number;
  access: Access[];
  triggers: Trigger[];
}

const readTable = (table: TableId): Access => ({ resource: 'table', table, mode: 'read' });
const writeTable = (table: TableId): Access => ({ resource: 'table', table, mode: 'readWrite' });
/** May put new events (and read streams), never update or delete one. */
const appendEvents: Access = { resource: 'table', table: 'events', mode: 'append' };

export const functions = {
  createContract: {
    entry: 'functions/http/create-contract.ts',
    description: 'POST /v1/contracts: a staff member creates a customer contract',
    memoryMB: 512,
    timeoutSeconds: 10,
    access: [appendEvents, writeTable('idempotency')],
    triggers: [{ kind: 'http', method: 'POST', path: '/v1/contracts', auth: 'staff' }],
  },
  getContract: {
    entry: 'functions/http/get-contract.ts',
    description: 'GET /v1/contracts/{id}: the projected contract view',
    memoryMB: 512,
    timeoutSeconds: 10,
    access: [readTable('views')],
    triggers: [{ kind: 'http', method: 'GET', path: '/v1/contracts/{id}', auth: 'staff' }],
  },
  projector: {
    entry: 'functions/projector/handler.ts',
    description: 'Applies new events to the views and publishes them as integration events',
    memoryMB: 1024,
    timeoutSeconds: 60,
    access: [readTable('events'), writeTable('views'), { resource: 'bus', mode: 'publish' }],
    triggers: [{ kind: 'stream', table: 'events', batchSize: 100, maxBatchingWindowSeconds: 1, retryAttempts: 10 }],
  },
  notifier: {
    entry: 'functions/notifier/handler.ts',
    description: 'Sends the customer e-mails that events call for, once per event',
    memoryMB: 512,
    timeoutSeconds: 30,
    access: [readTable('views'), writeTable('idempotency'), { resource: 'mail', mode: 'send' }],
    triggers: [
      {
        kind: 'bus',
        rule: 'contract-mail',
        pattern: { source: [INTEGRATION_SOURCE], 'detail-type': ['ContractCreated', 'ContractExpired'] },
        retryAttempts: 8,
        maxEventAgeSeconds: 86_400,
      },
    ],
  },
  expireContracts: {
    entry: 'functions/sweepers/expire-contracts.ts',
    description: 'Daily: expires the contracts whose term has ended',
    memoryMB: 512,
    timeoutSeconds: 300,
    access: [readTable('views'), appendEvents],
    triggers: [{ kind: 'schedule', name: 'expire-contracts', expression: 'cron(5 0 * * ? *)' }],
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functions;

export const tables = TABLES;

/** Public (website) routes: throttling and the origins allowed by CORS. */
export const publicApi = {
  rateLimit: { requestsPerSecond: 5, burst: 10 },
  /** Overridden by PUBLIC_ORIGINS (comma-separated) at deploy or local start. */
  defaultAllowedOrigins: ['http://localhost:5173'],
  maxBodyBytes: 64 * 1024,
};

/**
 * Table definitions and key names, shared by the adapters, the CDK app and the local runtime so
 * the three cannot drift.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export interface TableDefinition {
  /** Logical name; the physical name comes from the environment (`<ID>_TABLE`). */
  id: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  stream?: 'NEW_IMAGE';
  timeToLiveAttribute?: string;
  /** Sparse keys-only global secondary indexes. */
  indexes?: IndexDefinition[];
}

/** The event store: one item per event. */
export const EVENTS = {
  id: 'events',
  partitionKey: { name: 'streamId', type: 'S' },
  sortKey: { name: 'version', type: 'N' },
  stream: 'NEW_IMAGE',
} as const satisfies TableDefinition;

/**
 * Read models: `pk` is the stream id, `sk` names the view (`view`), a deadline (`due#<kind>`) or
 * a lookup entry (`lookup#<index>`). Deadlines are indexed in `due`, lookup entries in `lookup`.
 */
export const VIEWS = {
  id: 'views',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    { name: 'due', partitionKey: { name: 'dueShard', type: 'S' }, sortKey: { name: 'dueAt', type: 'S' } },
    { name: 'lookup', partitionKey: { name: 'lookupPk', type: 'S' }, sortKey: { name: 'lookupSk', type: 'S' } },
  ],
} as const satisfies TableDefinition;

/** Idempotency records of HTTP requests (same write as their events) and of reactions. */
export const IDEMPOTENCY = {
  id: 'idempotency',
  partitionKey: { name: 'id', type: 'S' },
  timeToLiveAttribute: 'expiration',
} as const satisfies TableDefinition;

/**
 * The PII vault: data keys (wrapped by KMS in AWS, by a local master key here), one per data
 * subject (`key#s-<subject>`) or per purpose and period (`key#p-<purpose>-<period>`); which streams
 * hold a subject's data (`subject#<id>` / `stream#<streamId>`); and whose a stream is
 * (`owner#<streamId>`). Deleting a key erases what it sealed.
 */
export const VAULT = {
  id: 'vault',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  timeToLiveAttribute: 'expiresAt',
} as const satisfies TableDefinition;

export const TABLES = [EVENTS, VIEWS, IDEMPOTENCY, VAULT] as const;
export type TableId = (typeof TABLES)[number]['id'];

/** Name of the environment variable that holds a table's physical name. */
export const tableEnvVar = (id: TableId): string => `${id.toUpperCase()}_TABLE`;

/** The due index is sharded so no partition gets hot; sweepers query every shard. */
export const DUE_INDEX = VIEWS.indexes[0].name;
export const DUE_SHARDS = 8;

/** Staff read models (a customer's contracts, expiring terms, the renewal pipeline) query this index. */
export const LOOKUP_INDEX = VIEWS.indexes[1].name;

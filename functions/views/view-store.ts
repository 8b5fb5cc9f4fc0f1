import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { Due, Lookup, Row } from '../../domain/projection';
import { DUE_INDEX, DUE_SHARDS, LOOKUP_INDEX, VIEWS } from '../tables';

const PK = VIEWS.partitionKey.name;
const SK = VIEWS.sortKey.name;
const DUE_SHARD = VIEWS.indexes[0].partitionKey.name;
const DUE_AT = VIEWS.indexes[0].sortKey.name;
const VIEW_SK = 'view';
const LOOKUP_PK = VIEWS.indexes[1].partitionKey.name;
const LOOKUP_SK = VIEWS.indexes[1].sortKey.name;
const dueSk = (kind: string) => `due#${kind}`;
const lookupSk = (index: string) => `lookup#${index}`;
/** BatchGetItem's limit of keys per request. */
const MAX_BATCH_GET = 100;
/** TransactWriteItems' limit of actions per request. */
export const MAX_TRANSACT_ITEMS = 100;

export interface StoredView<View> {
  view: View;
  /** The last event version applied. */
  version: number;
  due: Due[];
  /** The view's lookup entries (none when absent): what is written is exactly this list. */
  lookups?: Lookup[];
}

/** Where a page of a lookup partition stops: the index key of its last entry (opaque to callers, but checked). */
export type LookupKey = Record<string, string>;

export interface LookupQuery {
  /** Inclusive bounds on the sort key (string order). */
  from?: string;
  to?: string;
  limit: number;
  /** The `nextKey` of the page before. */
  startKey?: LookupKey;
}

export interface LookupPage {
  entries: { pk: string; sort: string }[];
  nextKey?: LookupKey;
}

/** Where a page of rows stops: the table key of its last row (opaque to callers, but checked). */
export type RowKey = Record<string, string>;

export interface RowQuery {
  /** Inclusive bounds on the sort key (string order). */
  from?: string;
  to?: string;
  limit: number;
  /** The `nextKey` of the page before. */
  startKey?: RowKey;
}

export interface RowPage {
  rows: { sort: string; data: unknown }[];
  nextKey?: RowKey;
}

/** FNV-1a, so an aggregate's deadlines always land in the same shard of the due index. */
export function dueShard(kind: string, pk: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pk.length; i++) hash = Math.imul(hash ^ pk.charCodeAt(i), 0x01000193) >>> 0;
  return `${kind}#${hash % DUE_SHARDS}`;
}

/** ISO instants in one form (UTC, milliseconds), so they compare as strings. */
const instant = (iso: string): string => new Date(iso).toISOString();

export class ViewConflictError extends Error {
  override name = 'ViewConflictError';
}

/**
 * Read models in the `views` table: one `view` item per stream (its state as JSON and the last
 * version applied), plus one `due#<kind>` item per deadline, indexed sparsely and sharded in the
 * `due` index so sweepers read only what is due, plus one `lookup#<index>` item per lookup entry,
 * indexed sparsely in the `lookup` index for the staff read models. All of a view's items change
 * in the same write as the view. Rows (e.g. ledger lines) live under their own partitions
 * (`pk` = the row's partition, `sk` = its sort key, `data` its JSON) and are put in the same write
 * as the view version whose events produced them, so both land or neither does.
 */
export class ViewStore {
  constructor(private readonly client: DynamoDBClient, private readonly table: string) {}

  async get<View>(pk: string): Promise<StoredView<View> | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: { [PK]: { S: pk }, [SK]: { S: VIEW_SK } }, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      view: JSON.parse(Item.data.S!),
      version: Number(Item.version.N),
      due: JSON.parse(Item.due?.S ?? '[]'),
      lookups: JSON.parse(Item.lookups?.S ?? '[]'),
    };
  }

  /** The views of `pks` (eventually consistent, like the index that named them); missing ones are left out. */
  async getMany<View>(pks: readonly string[]): Promise<Map<string, View>> {
    const found = new Map<string, View>();
    for (let i = 0; i < pks.length; i += MAX_BATCH_GET) {
      let keys: Record<string, AttributeValue>[] | undefined = [...new Set(pks.slice(i, i + MAX_BATCH_GET))].map((pk) => ({
        [PK]: { S: pk },
        [SK]: { S: VIEW_SK },
      }));
      for (let attempt = 0; keys?.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
        const answer: BatchGetItemCommandOutput = await this.client.send(
          new BatchGetItemCommand({ RequestItems: { [this.table]: { Keys: keys, ProjectionExpression: '#pk, #data', ExpressionAttributeNames: { '#pk': PK, '#data': 'data' } } } }),
        );
        for (const item of answer.Responses?.[this.table] ?? []) found.set(item[PK].S!, JSON.parse(item.data.S!));
        keys = answer.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  /**
   * The number of write actions `put` sends for these arguments, without `rows` (at most
   * MAX_TRANSACT_ITEMS in all): the view, its changed deadlines and lookup entries.
   */
  viewWriteCount(pk: string, next: Pick<StoredView<unknown>, 'due' | 'lookups'>, previous: StoredView<unknown> | undefined): number {
    return 1 + this.dueWrites(pk, next.due, previous?.due ?? []).length + this.lookupWrites(pk, next.lookups ?? [], previous?.lookups ?? []).length;
  }

  /**
   * Writes a view at `version` if the stored one is still at `previous` (0: none yet), and brings
   * its deadlines and lookups in line and puts `rows` in the same write (a TransactWriteItems of
   * at most MAX_TRANSACT_ITEMS actions, refused with a RangeError before anything is sent
   * otherwise). Throws ViewConflictError when the view moved on.
   */
  async put<View>(pk: string, next: StoredView<View>, previous: StoredView<unknown> | undefined, rows: readonly Row[] = []): Promise<void> {
    const viewPut = {
      TableName: this.table,
      Item: {
        [PK]: { S: pk },
        [SK]: { S: VIEW_SK },
        version: { N: String(next.version) },
        data: { S: JSON.stringify(next.view) },
        due: { S: JSON.stringify(next.due) },
        lookups: { S: JSON.stringify(next.lookups ?? []) },
      },
      ...(previous
        ? { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': { N: String(previous.version) } } }
        : { ConditionExpression: `attribute_not_exists(${PK})` }),
    };
    const dueWrites = [
      ...this.dueWrites(pk, next.due, previous?.due ?? []),
      ...this.lookupWrites(pk, next.lookups ?? [], previous?.lookups ?? []),
      ...uniqueRows(rows).map((row) => ({
        Put: { TableName: this.table, Item: { [PK]: { S: row.partition }, [SK]: { S: row.sort }, data: { S: JSON.stringify(row.data) } } },
      })),
    ];
    if (dueWrites.length + 1 > MAX_TRANSACT_ITEMS)
      throw new RangeError(`view ${pk} at version ${next.version} needs ${dueWrites.length + 1} writes; one transaction holds at most ${MAX_TRANSACT_ITEMS}`);
    try {
      if (dueWrites.length === 0) await this.client.send(new PutItemCommand(viewPut));
      else await this.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: viewPut }, ...dueWrites] }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'TransactionCanceledException') {
        throw new ViewConflictError(`view ${pk} changed while version ${next.version} was being applied`);
      }
      throw error;
    }
  }

  private dueWrites(pk: string, due: Due[], before: Due[]): TransactWriteItem[] {
    const key = (kind: string) => ({ [PK]: { S: pk }, [SK]: { S: dueSk(kind) } });
    const puts = due
      .filter((d) => !before.some((b) => b.kind === d.kind && b.at === d.at))
      .map((d) => ({
        Put: { TableName: this.table, Item: { ...key(d.kind), [DUE_SHARD]: { S: dueShard(d.kind, pk) }, [DUE_AT]: { S: instant(d.at) } } },
      }));
    const deletes = before
      .filter((b) => !due.some((d) => d.kind === b.kind))
      .map((b) => ({ Delete: { TableName: this.table, Key: key(b.kind) } }));
    return [...puts, ...deletes];
  }

  private lookupWrites(pk: string, lookups: Lookup[], before: Lookup[]): TransactWriteItem[] {
    const key = (index: string) => ({ [PK]: { S: pk }, [SK]: { S: lookupSk(index) } });
    const puts = lookups
      .filter((l) => !before.some((b) => b.index === l.index && b.partition === l.partition && b.sort === l.sort))
      .map((l) => ({ Put: { TableName: this.table, Item: { ...key(l.index), [LOOKUP_PK]: { S: l.partition }, [LOOKUP_SK]: { S: l.sort } } } }));
    const deletes = before
      .filter((b) => !lookups.some((l) => l.index === b.index))
      .map((b) => ({ Delete: { TableName: this.table, Key: key(b.index) } }));
    return [...puts, ...deletes];
  }

  /**
   * One page of a lookup partition in sort-key order, at most `limit` entries, optionally within
   * [from, to]. `nextKey` is set when more may follow. A `startKey` that does not belong to this
   * partition and range is refused (it comes from a client's cursor).
   */
  async lookup(partition: string, query: LookupQuery): Promise<LookupPage> {
    if (query.startKey && !isStartKeyOf(query.startKey, partition, query.from, query.to)) throw new RangeError('The start key belongs to another lookup.');
    const page = await this.rangeQuery({ index: LOOKUP_INDEX, pk: LOOKUP_PK, sk: LOOKUP_SK }, partition, query);
    const entries = page.items.map((item) => ({ pk: item[PK].S!, sort: item[LOOKUP_SK].S! }));
    return { entries, ...(page.nextKey ? { nextKey: page.nextKey } : {}) };
  }

  /**
   * One page of a row partition in sort-key order, at most `limit` rows, optionally within
   * [from, to]. `nextKey` is set when more may follow. A `startKey` that does not belong to this
   * partition and range is refused (it may come from a client's cursor).
   */
  async queryRows(partition: string, query: RowQuery): Promise<RowPage> {
    if (query.startKey && !isRowKeyOf(query.startKey, partition, query.from, query.to)) throw new RangeError('The start key belongs to another partition or range.');
    const page = await this.rangeQuery({ pk: PK, sk: SK }, partition, query);
    const rows = page.items.map((item) => ({ sort: item[SK].S!, data: JSON.parse(item.data.S!) as unknown }));
    return { rows, ...(page.nextKey ? { nextKey: page.nextKey as RowKey } : {}) };
  }

  /** One page of `partition` (of the table, or of an index) within [from, to] of its sort key; the table is read strongly consistent. */
  private async rangeQuery(
    keys: { index?: string; pk: string; sk: string },
    partition: string,
    { from, to, limit, startKey }: { from?: string; to?: string; limit: number; startKey?: Record<string, string> },
  ): Promise<{ items: Record<string, AttributeValue>[]; nextKey?: Record<string, string> }> {
    const range =
      from !== undefined && to !== undefined ? ' AND #sk BETWEEN :from AND :to' : from !== undefined ? ' AND #sk >= :from' : to !== undefined ? ' AND #sk <= :to' : '';
    const values: Record<string, AttributeValue> = { ':pk': { S: partition } };
    if (from !== undefined) values[':from'] = { S: from };
    if (to !== undefined) values[':to'] = { S: to };
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.table,
        ...(keys.index ? { IndexName: keys.index } : { ConsistentRead: true }),
        KeyConditionExpression: `#pk = :pk${range}`,
        ExpressionAttributeNames: { '#pk': keys.pk, ...(range ? { '#sk': keys.sk } : {}) },
        ExpressionAttributeValues: values,
        Limit: limit,
        ExclusiveStartKey: startKey && Object.fromEntries(Object.entries(startKey).map(([k, v]) => [k, { S: v }])),
      }),
    );
    const last = page.LastEvaluatedKey;
    const nextKey = last && Object.fromEntries(Object.entries(last).map(([k, v]) => [k, v.S ?? '']));
    return { items: page.Items ?? [], ...(nextKey ? { nextKey } : {}) };
  }

  /** The streams with a `kind` deadline at or before `now`, shard by shard, page by page. */
  async *due(kind: string, now: string): AsyncGenerator<{ pk: string; at: string }> {
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: DUE_INDEX,
            KeyConditionExpression: '#shard = :shard AND #at <= :now',
            ExpressionAttributeNames: { '#shard': DUE_SHARD, '#at': DUE_AT },
            ExpressionAttributeValues: { ':shard': { S: `${kind}#${shard}` }, ':now': { S: instant(now) } },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) yield { pk: item[PK].S!, at: item[DUE_AT].S! };
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }
  }
}

/** Whether `key` is the index key of an entry of `partition` within [from, to]. */
function isStartKeyOf(key: LookupKey, partition: string, from: string | undefined, to: string | undefined): boolean {
  const names = [PK, SK, LOOKUP_PK, LOOKUP_SK];
  if (Object.keys(key).length !== names.length || !names.every((n) => typeof key[n] === 'string' && key[n] !== '')) return false;
  const sort = key[LOOKUP_SK];
  return key[LOOKUP_PK] === partition && key[SK].startsWith('lookup#') && (from === undefined || sort >= from) && (to === undefined || sort <= to);
}

/** Whether `key` is the table key of a row of `partition` within [from, to]. */
function isRowKeyOf(key: RowKey, partition: string, from: string | undefined, to: string | undefined): boolean {
  if (Object.keys(key).length !== 2 || typeof key[PK] !== 'string' || typeof key[SK] !== 'string') return false;
  const sort = key[SK];
  return key[PK] === partition && (from === undefined || sort >= from) && (to === undefined || sort <= to);
}

/** One action per item (a transaction refuses two on the same key): the last row given for a key wins. */
function uniqueRows(rows: readonly Row[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(`${row.partition}\u0000${row.sort}`, row);
  return [...byKey.values()];
}

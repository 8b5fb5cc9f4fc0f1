import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { Due } from '../../domain/projection';
import { DUE_INDEX, DUE_SHARDS, VIEWS } from '../tables';

const PK = VIEWS.partitionKey.name;
const SK = VIEWS.sortKey.name;
const DUE_SHARD = VIEWS.indexes[0].partitionKey.name;
const DUE_AT = VIEWS.indexes[0].sortKey.name;
const VIEW_SK = 'view';
const dueSk = (kind: string) => `due#${kind}`;

export interface StoredView<View> {
  view: View;
  /** The last event version applied. */
  version: number;
  due: Due[];
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
 * `due` index so sweepers read only what is due.
 */
export class ViewStore {
  constructor(private readonly client: DynamoDBClient, private readonly table: string) {}

  async get<View>(pk: string): Promise<StoredView<View> | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: { [PK]: { S: pk }, [SK]: { S: VIEW_SK } }, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return { view: JSON.parse(Item.data.S!), version: Number(Item.version.N), due: JSON.parse(Item.due?.S ?? '[]') };
  }

  /**
   * Writes a view at `version` if the stored one is still at `previous` (0: none yet), and brings
   * its deadlines in line with `due` in the same write. Throws ViewConflictError otherwise.
   */
  async put<View>(pk: string, next: StoredView<View>, previous: StoredView<unknown> | undefined): Promise<void> {
    const viewPut = {
      TableName: this.table,
      Item: {
        [PK]: { S: pk },
        [SK]: { S: VIEW_SK },
        version: { N: String(next.version) },
        data: { S: JSON.stringify(next.view) },
        due: { S: JSON.stringify(next.due) },
      },
      ...(previous
        ? { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': { N: String(previous.version) } } }
        : { ConditionExpression: `attribute_not_exists(${PK})` }),
    };
    const dueWrites = this.dueWrites(pk, next.due, previous?.due ?? []);
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

import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { dayOf } from '../../domain/privacy/audit';
import { VAULT } from '../tables';

const PK = VAULT.partitionKey.name;
const SK = VAULT.sortKey.name;

/** The audit index is sharded so no partition gets hot; the audit reads every shard. */
export const AUDIT_SHARDS = 4;
/** The sort key of a subject's activity item (partition `subject#<subjectId>`). */
export const ACTIVITY_SK = 'activity';
/** How many subjects a container remembers having noted today (then it starts afresh). */
const MAX_REMEMBERED = 10_000;

/** FNV-1a of the subject id, so a subject's index entries always land in the same shard. */
export function auditShard(subjectId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subjectId.length; i++) hash = Math.imul(hash ^ subjectId.charCodeAt(i), 0x01000193) >>> 0;
  return `audit#${hash % AUDIT_SHARDS}`;
}

export interface AuditEntry {
  subjectId: string;
  /** The day it is filed under: the day of the subject's last activity when it was filed. */
  day: string;
}

/**
 * When each data subject was last heard from, in the vault table (which already knows whose data
 * each stream holds), and a sparse index for the retention audit:
 * - `subject#<id>` / `activity`: `lastActivityAt`, only ever moved forward;
 * - `audit#<shard>` / `<YYYY-MM-DD>#<id>`: one entry per watched subject, filed under the day of
 *   its last activity as known when filed. The store files it when it first notes the subject;
 *   the audit moves it when the subject was heard from since, and drops it for customers, flagged
 *   and erased subjects. So the store writes one item per subject and day of activity (two the
 *   first time), and the audit reads only the entries at or before its cutoff day.
 */
export class SubjectActivity {
  /** Subject → the latest day this container noted (a repeat on that day writes nothing). */
  private readonly noted = new Map<string, string>();

  constructor(private readonly options: { client: DynamoDBClient; table: string }) {}

  /** Records that we heard from `subjectId` at `at` (the store's hot path: at most one write, none if already noted that day here). */
  async note(subjectId: string, at: string): Promise<void> {
    const day = dayOf(at);
    const known = this.noted.get(subjectId);
    if (known !== undefined && known >= day) return;
    const lastActivityAt = new Date(at).toISOString();
    try {
      const { Attributes } = await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: { ...activityKey(subjectId), lastActivityAt: { S: lastActivityAt } },
          ConditionExpression: `attribute_not_exists(${PK}) OR lastActivityAt < :at`,
          ExpressionAttributeValues: { ':at': { S: lastActivityAt } },
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (!Attributes) await this.fileFirst(subjectId, day);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Already noted at or after `at` (another container, or an older event): nothing to move.
    }
    if (this.noted.size >= MAX_REMEMBERED) this.noted.clear();
    this.noted.set(subjectId, day);
  }

  /** Files a subject noted for the first time; if that fails, the activity item goes too, so the next append files it. */
  private async fileFirst(subjectId: string, day: string): Promise<void> {
    try {
      await this.file(subjectId, day);
    } catch (error) {
      await this.forget(subjectId).catch(() => undefined);
      throw error;
    }
  }

  /** Forgets what this container noted (a new container starts like this). */
  forgetNoted(): void {
    this.noted.clear();
  }

  /** When the subject was last heard from (strongly consistent), if it ever was. */
  async lastActivityAt(subjectId: string): Promise<string | undefined> {
    const { Item } = await this.options.client.send(new GetItemCommand({ TableName: this.options.table, Key: activityKey(subjectId), ConsistentRead: true }));
    return Item?.lastActivityAt?.S;
  }

  /** Whether the subject's data is in a contract stream (a customer or registered person); see domain/privacy/activity.ts. */
  async isCustomer(subjectId: string): Promise<boolean> {
    const { Items } = await this.options.client.send(
      new QueryCommand({
        TableName: this.options.table,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :contract)',
        ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
        ExpressionAttributeValues: { ':pk': { S: `subject#${subjectId}` }, ':contract': { S: 'stream#contract#' } },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    return (Items ?? []).length > 0;
  }

  /** The index entries filed on `lastDay` or before, shard by shard, page by page. */
  async *filedUntil(lastDay: string): AsyncGenerator<AuditEntry> {
    for (let shard = 0; shard < AUDIT_SHARDS; shard++) {
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await this.options.client.send(
          new QueryCommand({
            TableName: this.options.table,
            KeyConditionExpression: '#pk = :pk AND #sk <= :last',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
            // `~` sorts after every character of a subject id, so the whole of `lastDay` is included.
            ExpressionAttributeValues: { ':pk': { S: `audit#${shard}` }, ':last': { S: `${lastDay}#~` } },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const [day, subjectId] = item[SK].S!.split('#');
          yield { subjectId, day };
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
  }

  /** Files the subject under `day` in the audit index. */
  async file(subjectId: string, day: string): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({ TableName: this.options.table, Item: { ...entryKey(subjectId, day), subjectId: { S: subjectId } } }),
    );
  }

  /** Removes an index entry (a stale one, or one the audit has dealt with). */
  async unfile(entry: AuditEntry): Promise<void> {
    await this.options.client.send(new DeleteItemCommand({ TableName: this.options.table, Key: entryKey(entry.subjectId, entry.day) }));
  }

  /** Moves an entry to the day of the subject's later activity. */
  async move(entry: AuditEntry, day: string): Promise<void> {
    await this.file(entry.subjectId, day);
    await this.unfile(entry);
  }

  /** Drops the subject's activity (after an erasure: if they come back, they are watched afresh). */
  async forget(subjectId: string): Promise<void> {
    await this.options.client.send(new DeleteItemCommand({ TableName: this.options.table, Key: activityKey(subjectId) }));
    this.noted.delete(subjectId);
  }
}

const activityKey = (subjectId: string): Record<string, AttributeValue> => ({ [PK]: { S: `subject#${subjectId}` }, [SK]: { S: ACTIVITY_SK } });
const entryKey = (subjectId: string, day: string): Record<string, AttributeValue> => ({ [PK]: { S: auditShard(subjectId) }, [SK]: { S: `${day}#${subjectId}` } });

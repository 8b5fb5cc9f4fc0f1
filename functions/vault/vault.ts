import { randomBytes } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { VAULT } from '../tables';
import type { KeyWrapper } from './key-wrapper';
import { expiryIndexItem, purgeExpiredKeys } from './purpose-keys';

const PK = VAULT.partitionKey.name;
const SK = VAULT.sortKey.name;
const TTL = VAULT.timeToLiveAttribute;

export interface VaultOptions {
  client: DynamoDBClient;
  table: string;
  wrapper: KeyWrapper;
  /** How long an unwrapped key is kept in memory (an erasure elsewhere takes effect here after at most this). */
  cacheMs?: number;
  now?: () => number;
}

/** The key reference of the blind index key (HMAC of e-mail addresses into subject ids). */
export const INDEX_KEY_REF = 'index-v1';

/**
 * The PII vault on DynamoDB: 32-byte data keys, created on first use and stored wrapped;
 * `erase` deletes one for good. Unwrapped keys are cached for `cacheMs` (default 60 s).
 */
export class Vault {
  private readonly cache = new Map<string, { key: Buffer | undefined; until: number }>();
  /** Facts that never change once written (see noteSubjectStream, ownerOf), remembered by this container. */
  private readonly noted = new Map<string, true>();
  private readonly owners = new Map<string, string>();
  private readonly analytics = new Map<string, { allowed: boolean; until: number }>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly options: VaultOptions) {
    this.cacheMs = options.cacheMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The data key of `keyRef`; undefined when there is none (never created, or erased). */
  async key(keyRef: string): Promise<Buffer | undefined> {
    const cached = this.cache.get(keyRef);
    if (cached && cached.until > this.now()) return cached.key;
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.table, Key: keyItem(keyRef), ConsistentRead: true }),
    );
    const key = Item?.wrapped?.B ? await this.options.wrapper.unwrap(Buffer.from(Item.wrapped.B), keyRef) : undefined;
    this.remember(keyRef, key);
    return key;
  }

  /**
   * The data key of `keyRef`, created when there is none yet. `expiresAt` (epoch seconds) marks a
   * time-limited key for the retention job (indexed by expiry first, so no key goes unindexed)
   * and for DynamoDB's TTL as a backstop.
   */
  async keyOrCreate(keyRef: string, expiresAt?: number): Promise<Buffer> {
    const existing = await this.key(keyRef);
    if (existing) return existing;
    const key = randomBytes(32);
    const wrapped = await this.options.wrapper.wrap(key, keyRef);
    if (expiresAt) await this.options.client.send(new PutItemCommand({ TableName: this.options.table, Item: expiryIndexItem(keyRef, expiresAt) }));
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.table,
          Item: { ...keyItem(keyRef), wrapped: { B: wrapped }, createdAt: { S: new Date(this.now()).toISOString() }, ...(expiresAt ? { [TTL]: { N: String(expiresAt) } } : {}) },
          ConditionExpression: `attribute_not_exists(${PK})`,
        }),
      );
      this.remember(keyRef, key);
      return key;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      this.cache.delete(keyRef); // another writer created it first: use theirs
      const theirs = await this.key(keyRef);
      if (!theirs) throw new Error(`key ${keyRef} was created and erased at once`);
      return theirs;
    }
  }

  /** Deletes a key: everything sealed with it reads as erased from now on. True when there was one. */
  async erase(keyRef: string): Promise<boolean> {
    const { Attributes } = await this.options.client.send(
      new DeleteItemCommand({ TableName: this.options.table, Key: keyItem(keyRef), ReturnValues: 'ALL_OLD' }),
    );
    this.remember(keyRef, undefined);
    return Attributes !== undefined;
  }

  /**
   * Deletes the time-limited keys whose period is over at `now` (and their index items), found
   * through the expiry index (functions/vault/purpose-keys.ts). Returns the key references deleted.
   */
  async purgeExpired(now: Date | string): Promise<string[]> {
    const at = new Date(now).getTime();
    if (Number.isNaN(at)) throw new Error(`not an instant: ${String(now)}`);
    return purgeExpiredKeys(this.options.client, this.options.table, at, (keyRef) => this.erase(keyRef));
  }

  /**
   * Records that `streamId` holds data of `subjectId`, and (first come) that the stream is the
   * subject's. Both facts never change once written, so a container writes each pair once.
   */
  async noteSubjectStream(subjectId: string, streamId: string, owner: boolean): Promise<void> {
    const noted = `${subjectId}|${streamId}|${owner}`;
    if (this.noted.has(noted)) return;
    await this.options.client.send(
      new PutItemCommand({ TableName: this.options.table, Item: { [PK]: { S: `subject#${subjectId}` }, [SK]: { S: `stream#${streamId}` } } }),
    );
    if (owner) {
      try {
        await this.options.client.send(
          new PutItemCommand({
            TableName: this.options.table,
            Item: { [PK]: { S: `owner#${streamId}` }, [SK]: { S: 'owner' }, subjectId: { S: subjectId } },
            ConditionExpression: `attribute_not_exists(${PK})`,
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    remember(this.noted, noted, true);
  }

  /** The subject a stream belongs to (its first personal data's subject), if any; once known, never read again. */
  async ownerOf(streamId: string): Promise<string | undefined> {
    const known = this.owners.get(streamId);
    if (known) return known;
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.table, Key: { [PK]: { S: `owner#${streamId}` }, [SK]: { S: 'owner' } }, ConsistentRead: true }),
    );
    const owner = Item?.subjectId?.S;
    if (owner) remember(this.owners, streamId, owner);
    return owner;
  }

  /**
   * Records that a subject stopped analytics (objection, restriction): the store then keeps no
   * analytics value of its requests. No personal data; it outlives an erasure.
   */
  async stopAnalytics(subjectId: string): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({ TableName: this.options.table, Item: { [PK]: { S: `subject#${subjectId}` }, [SK]: { S: 'limits' }, analytics: { BOOL: false } } }),
    );
    this.analytics.set(subjectId, { allowed: false, until: Number.POSITIVE_INFINITY });
  }

  /** Whether a subject allows analytics (true unless it stopped it); read at most once per cacheMs. */
  async allowsAnalytics(subjectId: string): Promise<boolean> {
    const cached = this.analytics.get(subjectId);
    if (cached && cached.until > this.now()) return cached.allowed;
    const { Item } = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.table, Key: { [PK]: { S: `subject#${subjectId}` }, [SK]: { S: 'limits' } }, ConsistentRead: true }),
    );
    const allowed = Item?.analytics?.BOOL !== false;
    // Stopping is for good: a stop is remembered, an allowance is read again after cacheMs.
    remember(this.analytics, subjectId, { allowed, until: allowed ? this.now() + this.cacheMs : Number.POSITIVE_INFINITY });
    return allowed;
  }

  /** Forgets which streams held data of a subject (after its erasure: nothing of it is held any more). */
  async forgetStreamsOf(subjectId: string): Promise<void> {
    for (const streamId of await this.streamsOf(subjectId)) {
      await this.options.client.send(
        new DeleteItemCommand({ TableName: this.options.table, Key: { [PK]: { S: `subject#${subjectId}` }, [SK]: { S: `stream#${streamId}` } } }),
      );
    }
    for (const key of this.noted.keys()) if (key.startsWith(`${subjectId}|`)) this.noted.delete(key);
  }

  /** The streams holding data of a subject. */
  async streamsOf(subjectId: string): Promise<string[]> {
    const streams: string[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.table,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :stream)',
          ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
          ExpressionAttributeValues: { ':pk': { S: `subject#${subjectId}` }, ':stream': { S: 'stream#' } },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) streams.push(item[SK].S!.slice('stream#'.length));
      start = page.LastEvaluatedKey;
    } while (start);
    return streams;
  }

  private remember(keyRef: string, key: Buffer | undefined): void {
    this.cache.set(keyRef, { key, until: this.now() + this.cacheMs });
  }
}

const keyItem = (keyRef: string): Record<string, AttributeValue> => ({ [PK]: { S: `key#${keyRef}` }, [SK]: { S: 'key' } });

/** How many facts a container remembers before it starts over (a bound on memory, not a cache policy). */
const MAX_REMEMBERED = 10_000;
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

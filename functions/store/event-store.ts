import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { monotonicFactory } from 'ulid';
import { currentSchemaVersion, parsePayload, type DomainEvent, type NewEvent } from '../../events/catalog';
import { Actor, Origin } from '../../events/envelope';
import { ConcurrencyError, IdempotencyKeyReusedError } from '../../domain/errors';
import { EVENT_KEY_NAMES, fromItem, toItem } from './event-item';
import {
  fromIdempotencyItem,
  idempotencyFreeCondition,
  idempotencyKey,
  toIdempotencyItem,
  type IdempotencyRecord,
  type IdempotencyWrite,
} from './idempotency-record';
import { assertWritable } from './limits';
import { assertIssued, issuePosition, type StreamPosition } from './position';

export type { StreamPosition } from './position';

/** Envelope fields the caller supplies; the store adds id, version, schema version and recordedAt. */
export interface EventMetadata {
  occurredAt: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** Where a public request came from: stored only sealed, by the store's sealing step. */
  origin?: { ip: string };
}

/** What a sealing step returns when the metadata carries an origin: the events and the origin, both sealed. */
export interface SealedAppend {
  events: NewEvent[];
  origin?: Origin;
}

export type AppendResult =
  | { status: 'appended'; position: StreamPosition; events: DomainEvent[] }
  /** The idempotency key was already used with the same request: its first answer, nothing written. */
  | { status: 'replayed'; response: unknown };

export interface EventStoreOptions {
  client: DynamoDBClient;
  eventsTable: string;
  /** Needed only by writers that take idempotency keys. */
  idempotencyTable?: string;
  /** The store's clock, for `recordedAt` and idempotency expiry (tests may pin it). */
  now?: () => number;
  /**
   * Seals events' personal fields before they are validated and written (the PII vault), and the
   * metadata's origin when there is one (returning both). An origin is never written in clear: a
   * store whose sealing step does not seal it refuses the append.
   */
  seal?: (streamId: string, events: readonly NewEvent[], metadata: EventMetadata) => Promise<NewEvent[] | SealedAppend>;
}

const newEventId = monotonicFactory();
const NOT_EXISTS = `attribute_not_exists(#v)`;
const NOT_EXISTS_NAMES = { '#v': EVENT_KEY_NAMES.version };

/**
 * The event store on DynamoDB (`streamId` + `version`). No forks: every event is a conditional
 * put at the next version, so two writers at one position cannot both win. No gaps: `append`
 * only takes a position `load` returned. A single event costs one `PutItem`; several events, or
 * an idempotency record, go in one `TransactWriteItems`.
 */
export class EventStore {
  private readonly client: DynamoDBClient;
  private readonly eventsTable: string;
  private readonly idempotencyTable: string | undefined;
  private readonly now: () => number;
  private readonly seal: EventStoreOptions['seal'];

  constructor(options: EventStoreOptions) {
    this.seal = options.seal;
    this.client = options.client;
    this.eventsTable = options.eventsTable;
    this.idempotencyTable = options.idempotencyTable;
    this.now = options.now ?? Date.now;
  }

  /** Reads a whole stream, strongly consistent, and the position to append at. */
  async load(streamId: string): Promise<{ events: DomainEvent[]; position: StreamPosition }> {
    const events = await this.read(streamId);
    return { events, position: issuePosition(streamId, events.at(-1)?.version ?? 0) };
  }

  /** Reads a stream from a version on, strongly consistent, paged past 1 MB responses. */
  async read(streamId: string, fromVersion = 1): Promise<DomainEvent[]> {
    const events: DomainEvent[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.eventsTable,
          KeyConditionExpression: '#s = :s AND #v >= :v',
          ExpressionAttributeNames: { '#s': EVENT_KEY_NAMES.stream, '#v': EVENT_KEY_NAMES.version },
          ExpressionAttributeValues: { ':s': { S: streamId }, ':v': { N: String(fromVersion) } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) events.push(fromItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  /** The last version of a stream (0 when empty). */
  async version(streamId: string): Promise<number> {
    const page = await this.client.send(
      new QueryCommand({
        TableName: this.eventsTable,
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': EVENT_KEY_NAMES.stream },
        ExpressionAttributeValues: { ':s': { S: streamId } },
        ProjectionExpression: '#s, version',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Number(page.Items?.[0]?.[EVENT_KEY_NAMES.version]?.N ?? 0);
  }

  /** The record a request with this idempotency key left, if it has not expired. */
  async idempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.requireIdempotencyTable(), Key: idempotencyKey(key), ConsistentRead: true }),
    );
    return fromIdempotencyItem(Item, this.now());
  }

  /**
   * Appends events after `position`, all or none. Throws ConcurrencyError when another writer got
   * there first, AppendTooLargeError (before sending anything) when DynamoDB would refuse the
   * write, IdempotencyKeyReusedError when the key was used with another request.
   */
  async append(
    position: StreamPosition,
    newEvents: readonly NewEvent[],
    metadata: EventMetadata,
    idempotency?: IdempotencyWrite,
  ): Promise<AppendResult> {
    assertIssued(position);
    const sealed = this.seal && newEvents.length > 0 ? await this.seal(position.streamId, newEvents, metadata) : newEvents;
    const { events: toWrite, origin } = 'events' in sealed ? sealed : { events: sealed, origin: undefined };
    if (metadata.origin && toWrite.length > 0 && !origin) throw new Error('the request origin was not sealed: an IP address is never stored in clear');
    const nowMs = this.now();
    const events = this.envelope(position, toWrite, metadata, new Date(nowMs).toISOString(), origin && Origin.parse(origin));
    const eventItems = events.map(toItem);
    const idemItem = idempotency ? toIdempotencyItem(idempotency, nowMs) : undefined;
    assertWritable(idemItem ? [idemItem, ...eventItems] : eventItems);

    if (!idempotency && eventItems.length === 0) return { status: 'appended', position, events };
    try {
      if (!idemItem && eventItems.length === 1) {
        await this.client.send(
          new PutItemCommand({
            TableName: this.eventsTable,
            Item: eventItems[0],
            ConditionExpression: NOT_EXISTS,
            ExpressionAttributeNames: NOT_EXISTS_NAMES,
          }),
        );
      } else {
        await this.client.send(new TransactWriteItemsCommand({ TransactItems: this.transaction(eventItems, idemItem, nowMs) }));
      }
    } catch (error) {
      return this.explainFailure(error, position, idempotency);
    }
    return { status: 'appended', position: issuePosition(position.streamId, position.version + events.length), events };
  }

  private envelope(position: StreamPosition, newEvents: readonly NewEvent[], metadata: EventMetadata, recordedAt: string, origin?: Origin): DomainEvent[] {
    const actor = Actor.parse(metadata.actor);
    return newEvents.map(
      (event, i) =>
        ({
          eventId: newEventId(),
          streamId: position.streamId,
          version: position.version + i + 1,
          payload: parsePayload(event.type, event.payload),
          type: event.type,
          schemaVersion: currentSchemaVersion(event.type),
          occurredAt: metadata.occurredAt,
          recordedAt,
          correlationId: metadata.correlationId,
          causationId: metadata.causationId,
          actor,
          ...(origin ? { origin } : {}),
        }) as DomainEvent,
    );
  }

  private transaction(eventItems: Record<string, AttributeValue>[], idemItem: Record<string, AttributeValue> | undefined, nowMs: number): TransactWriteItem[] {
    const puts: TransactWriteItem[] = eventItems.map((Item) => ({
      Put: { TableName: this.eventsTable, Item, ConditionExpression: NOT_EXISTS, ExpressionAttributeNames: NOT_EXISTS_NAMES },
    }));
    if (!idemItem) return puts;
    return [{ Put: { TableName: this.requireIdempotencyTable(), Item: idemItem, ...idempotencyFreeCondition(nowMs) } }, ...puts];
  }

  private requireIdempotencyTable(): string {
    if (!this.idempotencyTable) throw new Error('this event store was configured without an idempotency table');
    return this.idempotencyTable;
  }

  private async explainFailure(error: unknown, position: StreamPosition, idempotency: IdempotencyWrite | undefined): Promise<AppendResult> {
    if (error instanceof TransactionCanceledException && idempotency) {
      const [idemReason] = error.CancellationReasons ?? [];
      if (idemReason?.Code === 'ConditionalCheckFailed') {
        const record = await this.idempotencyRecord(idempotency.key);
        if (record && record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
        if (record) return { status: 'replayed', response: record.response };
      }
    }
    const lostRace =
      error instanceof ConditionalCheckFailedException ||
      (error instanceof TransactionCanceledException &&
        (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'));
    if (lostRace) {
      // Another writer took the version, or a concurrent transaction held an item: load again and retry.
      throw new ConcurrencyError(position.streamId, position.version, await this.version(position.streamId));
    }
    throw error;
  }
}

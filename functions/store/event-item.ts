import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { parsePayload, type DomainEvent } from '../../events/catalog';
import type { EventEnvelope } from '../../events/envelope';
import { EVENTS } from '../tables';

const STREAM = EVENTS.partitionKey.name;
const VERSION = EVENTS.sortKey.name;

/**
 * One event per item. Envelope fields are plain attributes; the payload, the actor and the
 * (sealed) origin are JSON strings, which DynamoDB stores and returns far faster than nested maps.
 */
export function toItem(event: EventEnvelope): Record<string, AttributeValue> {
  return {
    [STREAM]: { S: event.streamId },
    [VERSION]: { N: String(event.version) },
    eventId: { S: event.eventId },
    type: { S: event.type },
    schemaVersion: { N: String(event.schemaVersion) },
    occurredAt: { S: event.occurredAt },
    recordedAt: { S: event.recordedAt },
    correlationId: { S: event.correlationId },
    causationId: { S: event.causationId },
    actor: { S: JSON.stringify(event.actor) },
    ...(event.origin ? { origin: { S: JSON.stringify(event.origin) } } : {}),
    payload: { S: JSON.stringify(event.payload) },
  };
}

/** Reads an item (from a query or a stream image) back into an event, parsing its payload with the catalog. */
export function fromItem(item: Record<string, AttributeValue>): DomainEvent {
  const type = item.type.S!;
  const schemaVersion = Number(item.schemaVersion.N);
  return {
    eventId: item.eventId.S!,
    streamId: item[STREAM].S!,
    version: Number(item[VERSION].N),
    type,
    schemaVersion,
    occurredAt: item.occurredAt.S!,
    recordedAt: item.recordedAt.S!,
    correlationId: item.correlationId.S!,
    causationId: item.causationId.S!,
    actor: JSON.parse(item.actor.S!),
    ...(item.origin?.S ? { origin: JSON.parse(item.origin.S) } : {}),
    payload: parsePayload(type, JSON.parse(item.payload.S!), schemaVersion),
  } as DomainEvent;
}

export const eventKey = (streamId: string, version: number): Record<string, AttributeValue> => ({
  [STREAM]: { S: streamId },
  [VERSION]: { N: String(version) },
});

export const EVENT_KEY_NAMES = { stream: STREAM, version: VERSION } as const;

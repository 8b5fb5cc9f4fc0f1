import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { NewEvent } from '../../events/catalog';
import type { EventMetadata } from '../../functions/store/event-store';
import { toItem } from '../../functions/store/event-item';
import { contractCreated, metadata } from '../support/fixtures';

/**
 * One event content, used by every writer in the comparison: a ContractOrdered (the largest
 * event type) with the usual envelope metadata. castore gets the same payload and metadata.
 */
export const benchEvent = (contractId: string = randomUUID()): NewEvent => contractCreated(contractId);

export const benchMetadata = (): EventMetadata => metadata();

/** castore's event detail carrying the same content as `benchEvent` + `benchMetadata`. */
export function castoreEvent(aggregateId: string, version: number) {
  const event = benchEvent(aggregateId);
  const meta = benchMetadata();
  return {
    aggregateId,
    version,
    type: event.type,
    payload: event.payload,
    metadata: { ...meta, eventId: randomUUID(), schemaVersion: 1 },
  };
}

/** An item as our store writes it (same attributes and sizes), for the raw PutItem ceiling. */
export function rawEventItem(streamId: string, version: number): Record<string, AttributeValue> {
  const event = benchEvent();
  const { origin: _origin, ...meta } = benchMetadata(); // a request's origin is stored only sealed (none here)
  return toItem({
    eventId: randomUUID(),
    streamId,
    version,
    type: event.type,
    schemaVersion: 1,
    recordedAt: new Date().toISOString(),
    ...meta,
    payload: event.payload,
  });
}

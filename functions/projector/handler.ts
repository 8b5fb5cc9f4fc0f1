import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DomainEvent } from '../../events/catalog';
import { fromItem } from '../store/event-item';
import { eventBridge } from '../runtime/clients';
import { requiredEnv } from '../runtime/env';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { applyToView } from './apply-to-views';
import { activeProjections } from './projections';
import { publish } from './publish';

/**
 * The projector: for a batch of the events table's stream, in order, applies each new event to
 * its view and publishes it on the bus. Reports the first record it could not fully handle, so
 * Lambda retries from there (views skip what they already applied; reactors are idempotent).
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const { parsed, firstFailure: parseFailure } = parseRecords(event.Records);
  const failures = [parseFailure, ...(await applyByStream(parsed))];
  const viewFailure = Math.min(...failures);
  const toPublish = parsed.filter((p) => p.index < viewFailure);
  const unpublished = await publish(eventBridge(), requiredEnv('EVENT_BUS_NAME'), toPublish.map((p) => p.event));
  const firstFailure = Math.min(viewFailure, ...unpublished.map((i) => toPublish[i].index));
  if (firstFailure === Infinity) return { batchItemFailures: [] };
  return { batchItemFailures: [{ itemIdentifier: event.Records[firstFailure].dynamodb!.SequenceNumber! }] };
}

interface Parsed {
  index: number;
  event: DomainEvent;
}

/** Parses the INSERT records up to the first one that is not a valid event (a poison record). */
function parseRecords(records: DynamoDBRecord[]): { parsed: Parsed[]; firstFailure: number } {
  const parsed: Parsed[] = [];
  for (const [index, record] of records.entries()) {
    if (record.eventName !== 'INSERT') continue; // events are never modified or removed
    try {
      parsed.push({ index, event: fromItem(record.dynamodb!.NewImage as Record<string, AttributeValue>) });
    } catch (error) {
      // The error's name and code only: its message may quote the payload.
      const { name, code } = error as Error & { code?: string };
      logger.error('unreadable event record', { sequenceNumber: record.dynamodb?.SequenceNumber, error: name, code });
      return { parsed, firstFailure: index };
    }
  }
  return { parsed, firstFailure: Infinity };
}

/** Applies each stream's events (one read and one write per stream); returns the failed records' first indexes. */
async function applyByStream(parsed: Parsed[]): Promise<number[]> {
  const byStream = new Map<string, Parsed[]>();
  for (const p of parsed) byStream.set(p.event.streamId, [...(byStream.get(p.event.streamId) ?? []), p]);
  const results = await Promise.all(
    [...byStream.values()].map(async (group) => {
      try {
        await applyToView(group.map((g) => g.event), activeProjections(), eventStore(), viewStore());
        return Infinity;
      } catch (error) {
        logger.error('view update failed', { streamId: group[0].event.streamId, error: error as Error });
        return group[0].index;
      }
    }),
  );
  return results;
}

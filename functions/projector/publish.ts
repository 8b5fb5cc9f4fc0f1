import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DomainEvent } from '../../events/catalog';
import { INTEGRATION_SOURCE, toIntegrationDetail } from '../../events/integration';

const MAX_ENTRIES = 10;
const MAX_REQUEST_BYTES = 256 * 1024;
const ATTEMPTS = 4;

export const toEntry = (event: DomainEvent, busName: string): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: INTEGRATION_SOURCE,
  DetailType: event.type,
  Detail: JSON.stringify(toIntegrationDetail(event)),
  Time: new Date(event.occurredAt),
});

const entrySize = (e: PutEventsRequestEntry) =>
  Buffer.byteLength(e.Detail ?? '') + Buffer.byteLength(e.DetailType ?? '') + Buffer.byteLength(e.Source ?? '') + 14;

/** Splits entries into PutEvents requests of at most 10 entries and 256 KB. */
function chunks<T extends { entry: PutEventsRequestEntry }>(items: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = entrySize(item.entry);
    if (current.length === MAX_ENTRIES || (current.length > 0 && bytes + size > MAX_REQUEST_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Publishes events as integration events, checking every PutEvents entry and retrying the ones
 * that failed. Returns the indexes (into `events`) that still failed after the retries.
 */
export async function publish(client: EventBridgeClient, busName: string, events: readonly DomainEvent[]): Promise<number[]> {
  let pending = events.map((event, index) => ({ index, entry: toEntry(event, busName) }));
  for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    // Requests go out together; order on the bus is not guaranteed anyway (reactors never rely on it).
    const failed = await Promise.all(
      chunks(pending).map(async (chunk) => {
        try {
          const { Entries = [] } = await client.send(new PutEventsCommand({ Entries: chunk.map((c) => c.entry) }));
          return chunk.filter((_, i) => !Entries[i]?.EventId || Entries[i]?.ErrorCode);
        } catch {
          return chunk;
        }
      }),
    );
    pending = failed.flat().sort((a, b) => a.index - b.index);
  }
  return pending.map((p) => p.index);
}

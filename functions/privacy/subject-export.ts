import type { DomainEvent } from '../../events/catalog';
import { streamCategory, streamId } from '../../events/envelope';
import { isPurposeKeyRef, subjectKeyRef } from '../../events/sealed';
import { PROCESSING_RECORD } from '../../domain/privacy/processing-record';
import { SUBJECT_CATEGORY } from '../../domain/privacy/subject';
import type { EventStore } from '../store/event-store';
import type { Vault } from '../vault/vault';
import type { ViewStore } from '../views/view-store';
import type { Sealer } from './sealer';

/** How a value of another person reads in an export. */
export const WITHHELD = '[another person]';
export const EXPORT_FORMAT = 'support-ledger/subject-export';

export interface ExportedStream {
  streamId: string;
  category: string;
  /** Whether the stream is the subject's own (their contract, ticket or request), not one they appear in. */
  own: boolean;
  /** The current read model, where the product keeps one. */
  view?: unknown;
  events: { eventId: string; type: string; occurredAt: string; by: string; payload: unknown; origin?: unknown }[];
}

export interface SubjectExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  generatedAt: string;
  subject: { subjectId: string; email: string };
  processing: typeof PROCESSING_RECORD;
  streams: ExportedStream[];
}

export interface ExportDeps {
  store: EventStore;
  views: ViewStore;
  vault: Vault;
  sealer: Sealer;
}

/**
 * Everything the product holds about a subject, opened (JSON, machine-readable: access and
 * portability): each stream holding their data, with its current view and its events, plus the
 * record of processing. Values of other people in the same streams read WITHHELD; values sealed
 * under a purpose key (the IP addresses of forms) are shown in the subject's own streams.
 */
export async function exportSubject(deps: ExportDeps, subjectId: string, email: string, now: string): Promise<SubjectExport> {
  const own = subjectKeyRef(subjectId);
  const held = await deps.vault.streamsOf(subjectId);
  const ids = [...new Set([...held, streamId(SUBJECT_CATEGORY, subjectId)])].sort();
  const streams: ExportedStream[] = [];
  for (const id of ids) {
    const owner = id === streamId(SUBJECT_CATEGORY, subjectId) || (await deps.vault.ownerOf(id)) === subjectId;
    const only = { keyRefs: (ref: string) => ref === own || (owner && isPurposeKeyRef(ref)), withheldAs: WITHHELD };
    const { events } = await deps.store.load(id);
    if (events.length === 0) continue;
    const stored = await deps.views.get<unknown>(id);
    streams.push({
      streamId: id,
      category: streamCategory(id),
      own: owner,
      ...(stored ? { view: await deps.sealer.openDeep(stored.view, undefined, only) } : {}),
      events: await Promise.all(events.map((event) => exportedEvent(deps.sealer, event, only))),
    });
  }
  return { format: EXPORT_FORMAT, version: 1, generatedAt: now, subject: { subjectId, email }, processing: PROCESSING_RECORD, streams };
}

async function exportedEvent(sealer: Sealer, event: DomainEvent, only: Parameters<Sealer['openDeep']>[2]): Promise<ExportedStream['events'][number]> {
  const origin = (event as { origin?: unknown }).origin;
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    // Who acted, by kind only: staff ids are not the subject's data.
    by: event.actor.kind,
    payload: await sealer.openDeep(event.payload, undefined, only),
    ...(origin ? { origin: await sealer.openDeep(origin, undefined, only) } : {}),
  };
}

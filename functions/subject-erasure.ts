import { streamId } from '../events/envelope';
import type { KeptData } from '../events/privacy';
import { subjectKeyRef } from '../events/sealed';
import { keptForInvoices } from '../domain/privacy/retention';
import { SUBJECT_CATEGORY, subjectDecider, type EraseSubject } from '../domain/privacy/subject';
import { runCommand, type CommandRequest } from './command-runner';
import { eventStore } from './runtime/store';
import { vault } from './runtime/vault';
import type { EventMetadata } from './store/event-store';

export interface Erasure {
  /** Whether this call recorded the erasure (false on a repeat). */
  recorded: boolean;
  /** Whether the product held anything of the subject. */
  heldData: boolean;
  streams: number;
  kept: KeptData[];
}

/**
 * Erases a data subject (the DPO's route, the person's confirmed request, the retention audit):
 * deletes its data key first (from then on every value sealed with it reads as erased, in every
 * event, view, export and e-mail not yet sent), then records `SubjectErased` with what a law makes
 * us keep: for a customer who was billed, the invoice records; last, the vault forgets which
 * streams held its data. A repeat erases nothing more; a retry after a failure completes it.
 */
export async function eraseSubject(
  subjectId: string,
  by: Pick<EraseSubject, 'requestedBy' | 'requestId'>,
  metadata: EventMetadata,
  idempotency?: CommandRequest<unknown, unknown, unknown, unknown>['idempotency'],
): Promise<Erasure> {
  const streams = await vault().streamsOf(subjectId);
  const billed = streams.some((s) => s.startsWith('contract#'));
  const keyDeleted = await vault().erase(subjectKeyRef(subjectId));
  const kept = billed ? [keptForInvoices(metadata.occurredAt.slice(0, 10))] : [];
  const { response } = await runCommand(eventStore(), {
    decider: subjectDecider,
    streamId: streamId(SUBJECT_CATEGORY, subjectId),
    catalog: undefined,
    command: { type: 'EraseSubject', subjectId, ...by, kept, keyDeleted },
    metadata,
    idempotency,
    respond: ({ events }): Erasure => ({ recorded: events.length > 0, heldData: keyDeleted || streams.length > 0, streams: streams.length, kept }),
  });
  // Last, so a retry after a failure above still sees what was held (and what the law keeps).
  await vault().forgetStreamsOf(subjectId);
  return response;
}

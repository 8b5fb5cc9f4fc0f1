import { streamId } from '../../events/envelope';
import type { KeptData } from '../../events/privacy';
import { subjectKeyRef } from '../../events/sealed';
import { keptForInvoices } from '../../domain/privacy/retention';
import { SUBJECT_CATEGORY, subjectDecider } from '../../domain/privacy/subject';
import { vault } from '../runtime/vault';
import type { RouteRequest } from './route';
import { runStreamCommand } from './stream-command';

export interface Erasure {
  /** Whether this call recorded the erasure (false on a repeat). */
  recorded: boolean;
  /** Whether the product held anything of the subject. */
  heldData: boolean;
  streams: number;
  kept: KeptData[];
}

/**
 * Erases a data subject: deletes its data key first (from then on every value sealed with it reads
 * as erased, in every event, view, export and e-mail not yet sent), then records `SubjectErased`
 * with what a law makes us keep: for a customer who was billed, the invoice records; last, the
 * vault forgets which streams held its data. A repeat erases nothing more.
 */
export async function eraseSubject(
  request: RouteRequest<unknown, unknown, unknown>,
  subjectId: string,
  requestedBy: 'dpo' | 'subject',
  requestId?: string,
): Promise<Erasure> {
  const streams = await vault().streamsOf(subjectId);
  const billed = streams.some((s) => s.startsWith('contract#'));
  const hadKey = await vault().erase(subjectKeyRef(subjectId));
  const kept = billed ? [keptForInvoices(request.now.slice(0, 10))] : [];
  const { response } = await runStreamCommand(
    request,
    subjectDecider,
    streamId(SUBJECT_CATEGORY, subjectId),
    { type: 'EraseSubject', subjectId, requestedBy, kept, keyDeleted: hadKey, ...(requestId ? { requestId } : {}) },
    (events) => ({ recorded: events.length > 0, heldData: hadKey || streams.length > 0, streams: streams.length, kept }),
  );
  // Last, so a retry after a failure above still sees what was held (and what the law keeps).
  await vault().forgetStreamsOf(subjectId);
  return response;
}

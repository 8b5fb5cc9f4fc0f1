import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { subjectKeyRef } from '../../events/sealed';
import { keptForInvoices } from '../../domain/privacy/retention';
import { SUBJECT_CATEGORY, subjectDecider } from '../../domain/privacy/subject';
import { sealer, vault } from '../runtime/vault';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const EraseBody = z.strictObject({ email: z.email().max(254) });

/**
 * POST /v1/privacy/erasures (DPO): erases a data subject, found by e-mail address. Its data key is
 * deleted first (from then on every value sealed with it reads as erased, in every event, view,
 * export and e-mail not yet sent), then `SubjectErased` records it with what a law makes us keep:
 * for a customer who was billed, the invoice records. A repeat erases nothing more.
 */
export const handler = route({ roles: ['dpo', 'admin'], body: EraseBody, idempotency: 'optional' }, async (request) => {
  const subjectId = await sealer().subjectOf(request.body.email);
  const streams = await vault().streamsOf(subjectId);
  const billed = streams.some((s) => s.startsWith('contract#'));
  const hadKey = await vault().erase(subjectKeyRef(subjectId));
  const kept = billed ? [keptForInvoices(request.now.slice(0, 10))] : [];
  const { response } = await runStreamCommand(
    request,
    subjectDecider,
    streamId(SUBJECT_CATEGORY, subjectId),
    { type: 'EraseSubject', subjectId, requestedBy: 'dpo', kept },
    (events) => ({ status: 200, body: { subjectId, erased: true, recorded: events.length > 0, heldData: hadKey || streams.length > 0, streams: streams.length, kept } }),
  );
  return response;
});

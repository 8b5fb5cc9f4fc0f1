import * as z from 'zod';
import { sealer } from '../runtime/vault';
import { route } from './route';
import { eraseSubject } from '../subject-erasure';
import { requestMetadata } from './stream-command';

const EraseBody = z.strictObject({ email: z.email().max(254) });

/**
 * POST /v1/privacy/erasures (DPO): erases a data subject, found by e-mail address (see
 * eraseSubject: the key goes first, then `SubjectErased` with what a law keeps).
 */
export const handler = route({ roles: ['dpo', 'admin'], body: EraseBody, idempotency: 'optional' }, async (request) => {
  const subjectId = await sealer().subjectOf(request.body.email);
  const erasure = await eraseSubject(subjectId, { requestedBy: 'dpo' }, requestMetadata(request), request.idempotency);
  return { status: 200, body: { subjectId, erased: true, ...erasure } };
});

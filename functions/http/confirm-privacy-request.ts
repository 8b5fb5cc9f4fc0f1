import * as z from 'zod';
import type { PayloadOf } from '../../events/catalog';
import { streamId } from '../../events/envelope';
import { LinkExpiredError, NotFoundError } from '../../domain/errors';
import { EXPORT_AGAIN_MINUTES, LIMITED_BY, PRIVACY_REQUEST_CATEGORY, privacyRequestDecider, type PrivacyRequestCommand } from '../../domain/privacy/request';
import { SUBJECT_CATEGORY, subjectDecider } from '../../domain/privacy/subject';
import { exportSubject } from '../privacy/subject-export';
import { eventStore } from '../runtime/store';
import { links, sealer, vault } from '../runtime/vault';
import { viewStore } from '../runtime/views';
import { route, type RouteRequest } from './route';
import { requestMetadata, runStreamCommand } from './stream-command';
import { eraseSubject } from '../subject-erasure';

const ConfirmBody = z.strictObject({ token: z.string().min(1).max(1000) });

type Request = RouteRequest<unknown, unknown, unknown>;
type Received = PayloadOf<'PrivacyRequestReceived'>;

const onRequest = (request: Request, received: Received, command: PrivacyRequestCommand) =>
  runStreamCommand(request, privacyRequestDecider, streamId(PRIVACY_REQUEST_CATEGORY, received.requestId), command, () => undefined);

/**
 * POST /v1/public/privacy-requests/confirmations: the page the e-mailed link opens sends its token
 * here. A forged or altered token is a 400 (`invalid_link`), an expired one a 410 (`link_expired`).
 * A valid one confirms the request, then acts on it at once where the product can:
 * - access and portability: answers the export (JSON) of everything held about the person;
 * - erasure: erases them, and answers what a law makes us keep, why and until when;
 * - restriction, objection, opting out of marketing: stops the optional processing they cover;
 * - rectification: stays with the DPO, who answers by the deadline.
 * Following the link again repeats nothing (an export is produced afresh, for EXPORT_AGAIN_MINUTES
 * after the answer; then the link has expired).
 */
export const handler = route({ body: ConfirmBody }, async (request) => {
  const requestId = await links().verify(request.body.token, 'privacy-confirmation', request.now);
  const { events } = await eventStore().load(streamId(PRIVACY_REQUEST_CATEGORY, requestId));
  const received = events.find((e) => e.type === 'PrivacyRequestReceived')?.payload as Received | undefined;
  if (!received) throw new NotFoundError('There is no such privacy request.');
  await onRequest(request, received, { type: 'ConfirmRequest' });
  const base = { requestId, right: received.right, dueBy: received.dueBy };

  if (received.right === 'access' || received.right === 'portability') {
    const answered = events.find((e) => e.type === 'PrivacyRequestCompleted');
    if (answered && Date.parse(answered.occurredAt) + EXPORT_AGAIN_MINUTES * 60_000 < Date.parse(request.now)) throw new LinkExpiredError();
    const email = (await sealer().open(received.email)) ?? '[erased]';
    const exported = await exportSubject({ store: eventStore(), views: viewStore(), vault: vault(), sealer: sealer() }, received.subjectId, email, request.now);
    await onRequest(request, received, { type: 'CompleteRequest', outcome: 'exported' });
    return { status: 200, body: { ...base, status: 'completed', outcome: 'exported', export: exported } };
  }
  if (received.right === 'erasure') {
    // The key goes first: a retry after a failure here erases nothing twice and completes the request.
    const erasure = await eraseSubject(received.subjectId, { requestedBy: 'subject', requestId }, requestMetadata(request));
    await onRequest(request, received, { type: 'CompleteRequest', outcome: 'erased', kept: erasure.kept });
    return { status: 200, body: { ...base, status: 'completed', outcome: 'erased', kept: erasure.kept } };
  }
  const limit = LIMITED_BY[received.right];
  if (limit) {
    const subject = streamId(SUBJECT_CATEGORY, received.subjectId);
    // First, so the store keeps no analytics value of this person's requests from now on.
    if (limit.purposes.includes('analytics')) await vault().stopAnalytics(received.subjectId);
    await runStreamCommand(request, subjectDecider, subject, { type: 'LimitProcessing', subjectId: received.subjectId, ...limit, requestId }, () => undefined);
    await onRequest(request, received, { type: 'CompleteRequest', outcome: 'limited' });
    return { status: 200, body: { ...base, status: 'completed', outcome: 'limited', stopped: limit.purposes } };
  }
  return { status: 200, body: { ...base, status: 'confirmed' } };
});

import { ulid } from 'ulid';
import * as z from 'zod';
import { Locale } from '../../events/contract';
import { streamId } from '../../events/envelope';
import { PrivacyRight } from '../../events/privacy';
import { LINKS_PER_PERIOD, LINKS_PERIOD_HOURS, PRIVACY_REQUEST_CATEGORY, privacyRequestDecider } from '../../domain/privacy/request';
import { subjectRequestsPartition } from '../../domain/privacy/request-view';
import { viewStore } from '../runtime/views';
import { sealer, vault } from '../runtime/vault';
import { answerUnmatched, neutralAnswer, neutralTiming } from './public-contract-form';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const PrivacyRequestBody = z.strictObject({
  email: z.email().max(254),
  right: PrivacyRight,
  /** What to rectify, or anything the person wants to add. */
  details: z.string().trim().min(1).max(2000).optional(),
  language: Locale.default('en'),
});

/** The form's one answer, whether or not we hold the address. */
export const NEUTRAL_ANSWER = neutralAnswer(
  'If we hold data about this e-mail address, we have sent it a link to confirm your request. Nothing happens until you follow it.',
);

/** How many requests of the subject were received in the last LINKS_PERIOD_HOURS (read from the views: may lag a moment). */
async function recentRequests(subjectId: string, now: string): Promise<number> {
  const from = new Date(Date.parse(now) - LINKS_PERIOD_HOURS * 3_600_000).toISOString();
  return (await viewStore().lookup(subjectRequestsPartition(subjectId), { from, limit: LINKS_PER_PERIOD })).entries.length;
}

/**
 * POST /v1/public/privacy-requests: the website form for the rights over personal data (access,
 * rectification, erasure, restriction, objection, portability, opting out of marketing). When the
 * product holds data of the address, the request is recorded and a signed link valid for 48 hours
 * is e-mailed to that address (the notifier); nothing is done before the link is followed. An
 * address we do not know gets no e-mail and no request, nor does one that already had
 * LINKS_PER_PERIOD requests in the last LINKS_PERIOD_HOURS (no inbox is flooded). Either way the same answer, the same
 * idempotency record (a reused key with another body is a 422 for both) and no sooner than
 * NEUTRAL_ANSWER_FLOOR_MS: neither the answer nor its timing tells whether an address is known.
 */
export const handler = route({ body: PrivacyRequestBody, idempotency: 'required' }, async (request) => {
  const floor = neutralTiming(request);
  const { email, right, details, language } = request.body;
  const subjectId = await sealer().subjectOf(email);
  const known = (await vault().streamsOf(subjectId)).length > 0 && (await recentRequests(subjectId, request.now)) < LINKS_PER_PERIOD;
  const requestId = ulid();
  const stream = streamId(PRIVACY_REQUEST_CATEGORY, requestId);
  const receive = { type: 'ReceiveRequest' as const, requestId, right, subjectId, email, ...(details ? { details } : {}), language, channel: 'website' as const };
  const response = known
    ? (await runStreamCommand(request, privacyRequestDecider, stream, receive, () => NEUTRAL_ANSWER)).response
    : await answerUnmatched(request, NEUTRAL_ANSWER);
  await floor;
  return response;
});
